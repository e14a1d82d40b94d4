// A goto back to before a VLA's declaration frees the VLA (GCC, PR 19771):
// a loop made of goto that declares a 4 KiB VLA each time would otherwise
// overflow the stack.  A jump to a label after the declaration keeps it.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

static void *volatile sink;

static int same_block(int limit) {
  int n = 0;
lab:;
  int x[n % 1000 + 1024];
  x[0] = n;
  sink = x;
  if (++n < limit) goto lab;
  return x[0];
}

static int from_inner(int limit) {
  int n = 0;
  if (0) {
  lab:;
  }
  int x[n % 1000 + 1024];
  x[n % 1000] = 2;
  sink = x;
  {
    int y[n % 7 + 1024];
    y[1] = n;
    sink = y;
    if (++n < limit) goto lab;
  }
  return x[(n - 1) % 1000];
}

static int keep_live(void) {
  int n = 3, t = 0;
  int v[n];
  v[0] = 5;
again:
  t += v[0];
  if (t < 15) goto again;  // v's declaration is before the label: v stays
  return t;
}

int main(void) {
  ASSERT(999999, same_block(1000000));
  ASSERT(2, from_inner(1000000));
  ASSERT(15, keep_live());
  TEST_DONE();
}
