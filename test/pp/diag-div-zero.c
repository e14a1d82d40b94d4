// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-div-zero.c:6:6: error: division by zero in #if
// CHECK-NEXT:    6 | #if 1/0
// CHECK-NEXT:      |      ^
// CHECK-NEXT:exit 1
#if 1/0
#endif
