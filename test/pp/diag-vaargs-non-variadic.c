// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-vaargs-non-variadic.c:6:14: warning: __VA_ARGS__ can only appear in the expansion of a C99 variadic macro
// CHECK-NEXT:    6 | #define f(x) __VA_ARGS__
// CHECK-NEXT:      |              ^
// CHECK-NEXT:exit 0
#define f(x) __VA_ARGS__
