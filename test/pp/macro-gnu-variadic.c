// GNU variadic forms: , ## __VA_ARGS__ (comma swallowed only when the argument
// is omitted), named variadics (args...), and __VA_OPT__.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:f(a) f(a,) f(a,b) f(a, b, c)
// CHECK-NEXT:g(x) g(x,1) g(x,1,2)
// CHECK-NEXT:h(x) h(x, 1, 2)
// CHECK-NEXT:k(1 ) k(1 ) k(1 , 2) k(1 , 2, 3)
// CHECK-NEXT:k(1 )
// CHECK-NEXT:"" "x 1 y" "x a,b y"
// CHECK-NEXT:p p_tail
#define e(fmt, ...) f(fmt, ## __VA_ARGS__)
e(a) e(a,) e(a,b) e(a, b, c)
#define v(...) g(x, ## __VA_ARGS__)
v() v(1) v(1,2)
#define named(fmt, args...) h(fmt, ##args)
named(x) named(x, 1, 2)
#define o(a, ...) k(a __VA_OPT__(,) __VA_ARGS__)
o(1) o(1,) o(1, 2) o(1, 2, 3)
#define EMPTY
o(1, EMPTY)
#define so(...) #__VA_OPT__(x __VA_ARGS__ y)
so() so(1) so(a,b)
#define paste_opt(a, ...) a ## __VA_OPT__(_tail)
paste_opt(p) paste_opt(p, 1)
