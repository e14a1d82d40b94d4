// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-missing-rparen-params.c:6:14: error: expected ')' before end of line
// CHECK-NEXT:    6 | #define f(a,b
// CHECK-NEXT:      |              ^
// CHECK-NEXT:exit 1
#define f(a,b
