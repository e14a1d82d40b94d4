// Arithmetic, control flow, calls, recursion: compiled by cfree, linked and run.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int sum(int n) {
  int s = 0;
  for (int i = 1; i <= n; i++) s += i;
  return s;
}
static int loops(void) {
  int i = 0, n = 0;
  while (i < 10) {
    i++;
    if (i == 3) continue;
    if (i == 8) break;
    n += i;
  }
  do n++; while (n < 40);
  return n;
}
static int sw(int x) {
  switch (x) {
    case 0: return 10;
    case 1:
    case 2: return 20;
    case 5 ... 9: return 30;
    default: return -1;
  }
}
int g = 5;
int *gp = &g;

int main(void) {
  ASSERT(0, 0);
  ASSERT(42, 40 + 2);
  ASSERT(3, 7 / 2);
  ASSERT(-3, -7 / 2);
  ASSERT(1, 7 % 2);
  ASSERT(-1, -7 % 2);
  ASSERT(8, 1 << 3);
  ASSERT(1, 1 < 2 && 2 < 3);
  ASSERT(0, 1 > 2 || 0);
  ASSERT(55, fib(10));
  ASSERT(5050, sum(100));
  ASSERT(40, loops());
  ASSERT(10, sw(0));
  ASSERT(20, sw(2));
  ASSERT(30, sw(7));
  ASSERT(-1, sw(100));
  ASSERT(5, *gp);
  *gp = 9;
  ASSERT(9, g);
  int x = 3;
  x += 4;
  x *= 2;
  x -= 1;
  x <<= 1;
  ASSERT(26, x);
  ASSERT(26, x++);
  ASSERT(28, ++x);
  unsigned u = 0;
  u--;
  ASSERT(4294967295u, u);
  ASSERT(1, (unsigned char)257);
  ASSERT(-1, (signed char)255);
  ASSERT(4, sizeof(int));
  ASSERT(8, sizeof(long));
  long long big = 1LL << 40;
  ASSERT(1099511627776LL, big);
  ASSERT(2, x > 5 ? 2 : 3);
  TEST_DONE();
}
