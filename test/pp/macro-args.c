// Macro arguments: nested parentheses, commas, arguments across lines,
// function-like names not followed by '(', and directives inside arguments.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:<(a,b)|c> <(a,(b))|c>
// CHECK-NEXT:<1|2> after
// CHECK-NEXT:g [1] [2]
// CHECK-NEXT:empty empty empty
// CHECK-NEXT:{} {()}
// CHECK-NEXT:{z} {{[{][{]}}z}}
// CHECK-NEXT:<g|5>
#define f(x, y) <x|y>
f((a,b), c) f((a,(b)), c)
f(
  1,
  2
) after
#define g(x) [x]
g g (1) g
(2)
#define h() empty
h() h( ) h(
)
#define one(x) {x}
one() one(())
#define nested(x) one(x) one(one(x))
nested(z)
f(g
#define ZZ 5
, ZZ)
