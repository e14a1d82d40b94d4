// Run-time array sizes in parameter declarations are evaluated at function
// entry, with their side effects, and give the parameter a variably modified
// type (C11 6.9.1p10; torture 970217-1, pr22061-1).
// REQUIRES: gcc
// RUN: %cfree cc -w -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

int N = 1;
static void bar(char a[2][N]) { a[1][0] = N; }
static int side(int i, int array[i++]) { return i; }
static long rows(int n, int m, double a[n][m]) { return (char *)&a[1][0] - (char *)a + sizeof *a; }
static int sum(int n, int (*p)[n]) {
  int s = 0;
  for (int i = 0; i < n; i++) s += (*p)[i];
  return s + (int)sizeof *p;
}
int proto(int n, int a[n][n]);

int main(void) {
  char buf[16] = {0};
  N = 4;
  bar((char (*)[N])buf);
  ASSERT(4, buf[4]);
  int arr[10];
  ASSERT(11, side(10, arr));
  ASSERT(5 * 8 * 2, rows(3, 5, 0));
  int v[3] = {1, 2, 3};
  ASSERT(6 + 12, sum(3, &v));
  TEST_DONE();
}
