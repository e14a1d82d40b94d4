// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-macro-name-number.c:6:9: error: macro names must be identifiers
// CHECK-NEXT:    6 | #define 3 x
// CHECK-NEXT:      |         ^
// CHECK-NEXT:exit 1
#define 3 x
