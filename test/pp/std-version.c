// __STDC_VERSION__ and friends follow -std.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P -std=c11 %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:v = 201112L;
// CHECK-NEXT:strict
#ifdef __STDC_VERSION__
v = __STDC_VERSION__;
#else
v = none;
#endif
#ifdef __STRICT_ANSI__
strict
#endif
