// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-include-next-main.c:6:2: warning: #include_next in primary source file
// CHECK-NEXT:    6 | #include_next <stddef.h>
// CHECK-NEXT:      |  ^
// CHECK-NEXT:exit 0
#include_next <stddef.h>
