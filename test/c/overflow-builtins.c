// __builtin_{add,sub,mul}_overflow: infinite-precision semantics when the
// operand and result types differ (computed in a wider type, then checked
// against the result type), and 128-bit operands (inline add/adc, sub/sbb and
// a 128x128 multiply with overflow; __int128 operands used to exhaust the
// value stack's registers: torture pr84169).  Compared with gcc.
// REQUIRES: gcc
// RUN: %cfree cc -w -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t > %t.out
// RUN: gcc -w %s -o %t.gcc
// RUN: %t.gcc > %t.ref
// RUN: diff %t.ref %t.out
#include <stdio.h>
#define T(op, A, B, R, a, b) do { R r; A x = a; B y = b; int f = __builtin_##op##_overflow(x, y, &r); printf(#op " " #A " " #B " " #R " %d %lld\n", f, (long long)r); } while (0)
#define C(op, R, a, b) do { R r; int f = __builtin_##op##_overflow(a, b, &r); printf(#op " " #a " " #b " %d %lld\n", f, (long long)r); } while (0)
typedef __int128 S;
typedef unsigned __int128 U;
static U vals[] = {0, 1, 2, 3, 7, 0xffffffffffffffffULL, (U)1 << 64, ((U)1 << 64) + 5, (U)1 << 63, (U)1 << 127,
                   ((U)1 << 127) - 1, ~(U)0, ~(U)0 - 1, (U)-16, (U)-(S)((U)1 << 63), (U)((S)1 << 100),
                   (U)-((S)1 << 100), 12345678901234567ULL, (U)1 << 126, (U)-((S)1 << 126)};
static unsigned long h(U x) { return (unsigned long)x ^ (unsigned long)(x >> 64) * 31; }
int main(void) {
  T(add, int, int, unsigned, -1, 1);
  T(add, int, int, unsigned char, 200, 50);
  T(add, int, int, unsigned char, 200, 60);
  T(sub, unsigned, unsigned, int, 1, 2);
  T(sub, unsigned, unsigned, unsigned, 1, 2);
  T(mul, int, int, short, 200, 200);
  T(mul, unsigned, unsigned, long, 0xffffffffu, 0xffffffffu);
  T(mul, int, int, unsigned long, -1, -1);
  T(mul, int, int, unsigned long, -1, 1);
  T(add, long, long, unsigned long, -1, 1);
  T(add, unsigned long, long, long, 0xffffffffffffffffUL, 1);
  T(mul, long, long, int, 1L << 40, 0);
  T(sub, unsigned long, unsigned long, long, 0, 0x8000000000000000UL);
  T(add, signed char, signed char, signed char, 100, 100);
  T(mul, unsigned long, unsigned long, unsigned long, 1UL << 32, 1UL << 32);
  T(mul, long, long, long, -1L << 62, 2);
  T(mul, long, long, long, -1L << 62, -2);
  T(add, unsigned, int, long, 0xffffffffu, -1);
  C(add, unsigned, -1, 1);
  C(mul, unsigned char, 16, 16);
  C(sub, int, 0u, 1u);
  unsigned long acc = 0;
  for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++)
    for (unsigned j = 0; j < sizeof vals / sizeof vals[0]; j++) {
      U a = vals[i], b = vals[j], r;
      S sr;
      int f;
      f = __builtin_add_overflow(a, b, &r); acc = acc * 3 + h(r) + f;
      f = __builtin_sub_overflow(a, b, &r); acc = acc * 3 + h(r) + f;
      f = __builtin_mul_overflow(a, b, &r); acc = acc * 3 + h(r) + f;
      if (f) printf("U %u %u\n", i, j);
      f = __builtin_add_overflow((S)a, (S)b, &sr); acc = acc * 3 + h(sr) + f;
      f = __builtin_sub_overflow((S)a, (S)b, &sr); acc = acc * 3 + h(sr) + f;
      f = __builtin_mul_overflow((S)a, (S)b, &sr); acc = acc * 3 + h(sr) + f;
      if (f) printf("S %u %u\n", i, j);
    }
  printf("%lx\n", acc);
  U x = 4;
  __builtin_mul_overflow((unsigned char)x, -16, &x);
  printf("%d\n", x == (U)-64);
  return 0;
}
