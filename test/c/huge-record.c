// Records larger than 2^61 bytes: layout positions are computed in bits, which
// overflowed 64 bits and truncated sizes and offsets (torture 991014-1).
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

#define BUF ((1L << 62) - 256)
struct big { short buf[BUF]; int a, b, c, d; };
union ubig { int a; char buf[BUF]; };
struct big2 { char c; struct big s; long tail; };

_Static_assert(sizeof(union ubig) == BUF, "union size");
_Static_assert(sizeof(struct big) == 2 * BUF + 16, "struct size");

int main(void) {
  ASSERT(BUF, (long)sizeof(union ubig));
  ASSERT(2 * BUF + 16, (long)sizeof(struct big));
  ASSERT(2 * BUF, (long)&((struct big *)0)->a);
  ASSERT(2 * BUF + 12, (long)&((struct big *)0)->d);
  ASSERT(4, (long)&((struct big2 *)0)->s);
  ASSERT(2 * BUF + 24, (long)&((struct big2 *)0)->tail);
  TEST_DONE();
}
