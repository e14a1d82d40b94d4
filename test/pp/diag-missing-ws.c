// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-missing-ws.c:6:9: warning: ISO C99 requires whitespace after the macro name
// CHECK-NEXT:    6 | #define X+1
// CHECK-NEXT:      |         ^
// CHECK-NEXT:exit 0
#define X+1
X
