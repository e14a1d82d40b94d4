// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-unterminated-comment-skipped.c:10:1: error: unterminated comment
// CHECK-NEXT:   10 | /* open
// CHECK-NEXT:      | ^
// CHECK-NEXT:{{.*}}diag-unterminated-comment-skipped.c:9:2: error: unterminated #if
// CHECK-NEXT:    9 | #if 0
// CHECK-NEXT:      |  ^
// CHECK-NEXT:exit 1
#if 0
/* open
#endif
