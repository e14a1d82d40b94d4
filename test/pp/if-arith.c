// #if arithmetic in intmax_t/uintmax_t (C11 6.10.1): the usual arithmetic
// conversions, shifts, ?:, short-circuiting, character constants, defined.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:unsigned_comparison_promotes
// CHECK-NEXT:signed_comparison
// CHECK-NEXT:all_ones
// CHECK-NEXT:short_circuit
// CHECK-NEXT:conditional
// CHECK-NEXT:conditional_type
// CHECK-NEXT:shifts
// CHECK-NEXT:chars
// CHECK-NEXT:defined_ok
// CHECK-NEXT:defined_x
// CHECK-NEXT:division
// CHECK-NEXT:big
// CHECK-NEXT:c11_or_later
// CHECK-NEXT:elif_taken
#if -1 > 0u
unsigned_comparison_promotes
#endif
#if -1 < 0
signed_comparison
#endif
#if 0xffffffffffffffff == -1
all_ones
#endif
#if (2 || 1/0) && !(0 && 1/0)
short_circuit
#endif
#if 1 ? 2 : (1/0)
conditional
#endif
#if (-1 ? 1u : 0) > 0 && (0 ? -1 : 0u) == 0
conditional_type
#endif
#if 1 << 63 < 0 && (1u << 63) > 0 && -16 >> 2 == -4
shifts
#endif
#if 'a' == 97 && '\377' < 0 && L'\xff' == 255 && '\0' == 0
chars
#endif
#if defined(X) || defined Y || !defined __STDC__
nope
#else
defined_ok
#endif
#define X 1
#if defined X && X + 1 == 2 && UNDEFINED == 0 && (3, 4) == 4
defined_x
#endif
#if 10 % 3 == 1 && -7 / 2 == -3 && -7 % 2 == -1 && (~0 & 0xff) == 255
division
#endif
#if 0x7fffffffffffffff + 0 > 0 && 18446744073709551615u == 0xffffffffffffffff
big
#endif
#ifdef __STDC_VERSION__
#if __STDC_VERSION__ >= 201112L
c11_or_later
#endif
#endif
#if 0
#error not reached
#elif 1
elif_taken
#else
#error not reached
#endif
#ifdef X
#elifdef Y
#else
#endif
