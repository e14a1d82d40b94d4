// Implicitly declared library builtins get GCC's type: memset returns void *
// (an int return truncated the pointer; torture memset-2, memset-3), and
// alloca is __builtin_alloca.
// REQUIRES: gcc
// RUN: %cfree cc -w -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

static char buf[64];

int main(void) {
  char *p = memset(buf + 3, 'x', 5);
  ASSERT(1, p == buf + 3);
  ASSERT('x', buf[7]);
  char *q = memcpy(buf + 20, "abc", 4);
  ASSERT(1, q == buf + 20);
  ASSERT(3, (long)strlen(q));
  char *m = malloc(100);
  m[99] = 7;  /* faults if the pointer lost its high half */
  ASSERT(7, m[99]);
  free(m);
  char *a = alloca(64);
  a[63] = 5;
  ASSERT(5, a[63]);
  ASSERT(1, (char *)&a - a < 4096 && (char *)&a - a > -4096);
  TEST_DONE();
}
