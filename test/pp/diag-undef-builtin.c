// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-undef-builtin.c:6:8: warning: undefining "__LINE__"
// CHECK-NEXT:    6 | #undef __LINE__
// CHECK-NEXT:      |        ^~~~~~~~
// CHECK-NEXT:exit 0
#undef __LINE__
