// `extern int x;` followed by `int x;` at file scope: the second declaration
// is a tentative definition and x gets defined (it stayed an undefined
// reference).
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

extern int x;
int x;
extern int arr[];
int arr[4];
extern struct S { int a, b; } s;
struct S s;
extern int y;
static int *py = &y;
int y;

int main(void) {
  x = 5;
  arr[3] = 7;
  s.b = 9;
  *py = 11;
  ASSERT(5, x);
  ASSERT(7, arr[3]);
  ASSERT(9, s.b);
  ASSERT(11, y);
  ASSERT(16, (long)sizeof arr);
  TEST_DONE();
}
