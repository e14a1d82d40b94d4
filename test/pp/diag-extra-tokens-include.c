// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-extra-tokens-include.c:6:21: warning: extra tokens at end of #include directive
// CHECK-NEXT:    6 | #include <stddef.h> junk
// CHECK-NEXT:      |                     ^~~~
// CHECK-NEXT:exit 0
#include <stddef.h> junk
