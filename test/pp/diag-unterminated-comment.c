// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-unterminated-comment.c:7:1: error: unterminated comment
// CHECK-NEXT:    7 | /* never closed
// CHECK-NEXT:      | ^
// CHECK-NEXT:exit 1
int a;
/* never closed
int b;
