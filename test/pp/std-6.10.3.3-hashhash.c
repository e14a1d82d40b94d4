// C11 6.10.3.3p4 EXAMPLE: a ## operand that is itself ##.
// Expected output verified token for token against the standard's text and
// byte for byte against gcc -E -P.
// RUN: %cfree cc -E -P %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:char p[] = "x ## y";
#define hash_hash # ## #
#define mkstr(a) # a
#define in_between(a) mkstr(a)
#define join(c, d) in_between(c hash_hash d)
char p[] = join(x, y);
