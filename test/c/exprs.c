// Integer promotions, usual arithmetic conversions, pointer arithmetic,
// floating point, casts, shifts, comparisons of mixed signedness.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

static double half(double d) { return d / 2; }
static float addf(float a, float b) { return a + b; }
static long double ld(long double x) { return x * 2; }

int main(void) {
  unsigned char uc = 200;
  signed char sc = -1;
  ASSERT(400, uc + uc);
  ASSERT(199, uc + sc);
  ASSERT(1, -1 < 0u ? 0 : 1);
  ASSERT(1, (unsigned short)65535 + 1 == 65536);
  ASSERT(1, -1L < 0u);
  ASSERT(0, -1 < 0u);
  ASSERT(4294967295LL, (unsigned)-1);
  ASSERT(-2147483648LL, (int)0x80000000u);
  ASSERT(1, sizeof(uc + uc) == sizeof(int));
  ASSERT(8, sizeof(1 + 1L));
  ASSERT(-5, -9 >> 1);
  ASSERT(2147483643, -9u >> 1);
  long a[5] = {1, 2, 3, 4, 5};
  long *p = a + 4, *q = &a[1];
  ASSERT(3, p - q);
  ASSERT(4, *--p);
  ASSERT(2, *q++);
  ASSERT(3, *q);
  ASSERT(1, p > q);
  ASSERT(2, 5.0 / 2 > 2 ? 2 : 0);
  ASSERT(7, (int)3.99 + (int)4.2);
  ASSERT(-3, (int)-3.7);
  ASSERT(250, (int)(half(500.0)));
  ASSERT(3, (int)addf(1.25f, 1.75f));
  ASSERT(9, (int)ld(4.5L));
  double d = 1e10;
  ASSERT(10000000000LL, (long long)d);
  float f = 0.1f;
  ASSERT(1, f != 0.1);
  ASSERT(1, (double)f == f);
  unsigned long big = 18446744073709551615UL;
  ASSERT(1, big == -1UL);
  ASSERT(1, (double)big > 1e19);
  int i = 5;
  i = i++ + 0;
  ASSERT(5, i);
  ASSERT(1, !0);
  ASSERT(0, !!0);
  ASSERT(-6, ~5);
  ASSERT(3, (1, 2, 3));
  char *s = "abc";
  ASSERT('c', s[2]);
  ASSERT('b', 1[s]);
  ASSERT(3, (int)(&s[3] - s));
  _Bool b = 5;
  ASSERT(1, b);
  b = 0.5;
  ASSERT(1, b);
  short sh = -32768;
  ASSERT(32768, -sh);
  ASSERT(1, 'a' == 97);
  ASSERT(2, L'x' == 120 ? 2 : 0);
  ASSERT(4, sizeof(L'x'));
  ASSERT(2, sizeof(u'x'));
  TEST_DONE();
}
