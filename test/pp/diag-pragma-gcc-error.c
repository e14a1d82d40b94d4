// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-pragma-gcc-error.c:6:19: error: stop here
// CHECK-NEXT:    6 | #pragma GCC error "stop here"
// CHECK-NEXT:      |                   ^
// CHECK-NEXT:exit 1
#pragma GCC error "stop here"
