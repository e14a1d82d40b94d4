// C11 6.10.3.4p4 EXAMPLE: rescanning re-enables f after its context ends.
// Expected output verified token for token against the standard's text and
// byte for byte against gcc -E -P.
// RUN: %cfree cc -E -P %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:2*9*g
#define f(a) a*g
#define g(a) f(a)
f(2)(9)
