// Rescanning and the painted-blue rule (C11 6.10.3.4): a macro's own name
// is not replaced inside its expansion, even when it reappears later.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:foo
// CHECK-NEXT:a b
// CHECK-NEXT:1 self(1)
// CHECK-NEXT:1 [2]
// CHECK-NEXT:r
// CHECK-NEXT:id(3)
// CHECK-NEXT:AA BB
// CHECK-NEXT:baz bar (2)
#define foo foo
foo
#define a b
#define b a
a b
#define self(x) x self(x)
self(1)
#define f(x) g(x
#define g(x) x)
f(1)
#define lparen (
#define h(x) [x]
h lparen 2)
#define q(x) x
#define r q(r)
r
#define id(x) x
id(id)(3)
#define AA BB
#define BB AA
id(AA) id(BB)
#define bar(x) baz x
bar(bar) (2)
