// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-missing-include.c:6:10: fatal error: nope.h: No such file or directory
// CHECK-NEXT:    6 | #include "nope.h"
// CHECK-NEXT:      |          ^~~~~~~~
// CHECK-NEXT:exit 1
#include "nope.h"
int x;
