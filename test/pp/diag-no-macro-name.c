// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-no-macro-name.c:6:8: error: no macro name given in #define directive
// CHECK-NEXT:    6 | #define
// CHECK-NEXT:      |        ^
// CHECK-NEXT:exit 1
#define
