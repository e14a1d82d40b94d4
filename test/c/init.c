// Initializers: designated, nested, ranges, strings, static address constants.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

struct S { int a; char name[8]; int arr[3]; };
static int g[10] = { [2] = 5, [4 ... 6] = 9, 1 };
static struct S gs[] = { {1, "one", {1, 2, 3}}, [2] = {.name = "three", .a = 3} };
static const char *names[] = { "zero", "one", "two" };
static int x = 7;
static int *px = &x;
static int *parr = &g[4];
static char str[] = "hello";
static char str4[4] = "abcd";
static struct { int *p; long n; } tab = { &x, sizeof(g) / sizeof(g[0]) };
static long diff = (char *)&g[3] - (char *)&g[0];
int (*fp)(const char *, ...) = printf;

int main(void) {
  ASSERT(0, g[0]);
  ASSERT(5, g[2]);
  ASSERT(9, g[5]);
  ASSERT(1, g[7]);
  ASSERT(3, sizeof(gs) / sizeof(gs[0]));
  ASSERT('o', gs[0].name[0]);
  ASSERT(3, gs[2].a);
  ASSERT('h', gs[2].name[1]);
  ASSERT(0, gs[1].a);
  ASSERT('t', names[2][0]);
  ASSERT(7, *px);
  ASSERT(9, *parr);
  ASSERT(6, sizeof(str));
  ASSERT('d', str4[3]);
  ASSERT(7, *tab.p);
  ASSERT(10, tab.n);
  ASSERT(12, diff);
  int loc[] = {1, 2, 3, [6] = 7};
  ASSERT(7, sizeof(loc) / sizeof(loc[0]));
  ASSERT(0, loc[4]);
  ASSERT(7, loc[6]);
  struct S s = { .arr[1] = 5, .a = 2 };
  ASSERT(2, s.a);
  ASSERT(5, s.arr[1]);
  ASSERT(0, s.arr[2]);
  char buf[10] = "ab";
  ASSERT(0, buf[5]);
  ASSERT('b', buf[1]);
  int m[2][3] = {1, 2, 3, 4, 5, 6};
  ASSERT(6, m[1][2]);
  ASSERT(4, m[1][0]);
  int *cl = (int[]){10, 20, 30};
  ASSERT(20, cl[1]);
  struct S *sp = &(struct S){ .a = 11 };
  ASSERT(11, sp->a);
  static int counter;
  counter++;
  ASSERT(1, counter);
  TEST_DONE();
}
