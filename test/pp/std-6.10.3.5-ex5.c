// C11 6.10.3.5 EXAMPLE 5: placemarkers.
// Expected output verified token for token against the standard's text and
// byte for byte against gcc -E -P.
// RUN: %cfree cc -E -P %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:int j[] = { 123, 45, 67, 89,
// CHECK-NEXT: 10, 11, 12, };
#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };
