// Statements: loops with break/continue, nested switch, goto, do-while,
// comma in for, early returns, recursion, function pointers, varargs.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"
#include <stdarg.h>

static int vsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}
static double vdsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  while (n--) s += va_arg(ap, double);
  va_end(ap);
  return s;
}
static int twice(int x) { return 2 * x; }
static int apply(int (*f)(int), int x) { return f(x); }
static int gotos(int n) {
  int i = 0;
again:
  if (i < n) { i++; goto again; }
  return i;
}
static int nested(int a, int b) {
  int r = 0;
  switch (a) {
  case 1:
    switch (b) {
    case 1: r = 11; break;
    default: r = 10;
    }
    break;
  case 2:
    r = 20;
    /* fall through */
  case 3:
    r += 3;
    break;
  }
  return r;
}
static int knr(a, b) int a; char b; { return a + b; }

int main(void) {
  ASSERT(10, vsum(4, 1, 2, 3, 4));
  ASSERT(6, (int)vdsum(3, 1.5, 2.5, 2.0));
  ASSERT(14, apply(twice, 7));
  int (*fp)(int) = &twice;
  ASSERT(8, (*fp)(4));
  ASSERT(5, gotos(5));
  ASSERT(11, nested(1, 1));
  ASSERT(10, nested(1, 2));
  ASSERT(23, nested(2, 0));
  ASSERT(3, nested(3, 0));
  ASSERT(0, nested(4, 0));
  ASSERT(7, knr(5, 2));
  int s = 0;
  for (int i = 0, j = 10; i < j; i++, j--) s += j - i;
  ASSERT(30, s);
  int n = 0;
  do { n++; if (n == 3) continue; } while (n < 5);
  ASSERT(5, n);
  int k = 0;
  while (1) { if (++k > 100) break; }
  ASSERT(101, k);
  int t = 0;
  for (int i = 0; i < 10; i++) { if (i % 2) continue; t += i; }
  ASSERT(20, t);
  TEST_DONE();
}
