// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-if-no-expr.c:6:4: error: #if with no expression
// CHECK-NEXT:    6 | #if
// CHECK-NEXT:      |    ^
// CHECK-NEXT:exit 1
#if
#endif
