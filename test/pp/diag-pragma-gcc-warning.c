// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-pragma-gcc-warning.c:6:21: warning: look here
// CHECK-NEXT:    6 | #pragma GCC warning "look here"
// CHECK-NEXT:      |                     ^
// CHECK-NEXT:exit 0
#pragma GCC warning "look here"
int x;
