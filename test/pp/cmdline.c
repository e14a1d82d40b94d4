// -D, -U, -include and -imacros, processed in command-line order.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P -DA -DB=2 -DC=x+y -DGONE -UGONE -imacros %S/Inputs/inc/imacros.h -include %S/Inputs/inc/forced.h %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:int forced_include;
// CHECK-NEXT:int a = 1, b = 2, c = x+y, d = 42;
int a = A, b = B, c = C, d = FROM_IMACROS;
#ifdef GONE
#error -U did not apply
#endif
