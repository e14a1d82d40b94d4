// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-va-opt-no-paren.c:6:18: error: __VA_OPT__ must be followed by an open parenthesis
// CHECK-NEXT:    6 | #define F(a,...) __VA_OPT__ a
// CHECK-NEXT:      |                  ^
// CHECK-NEXT:exit 1
#define F(a,...) __VA_OPT__ a
F(1,2)
