// A byte that is not UTF-8 in a string or character literal (a Latin-1
// source file) is copied unchanged, as GCC does (torture 20000227-1).
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

static const unsigned char f[] = "\0\377\351";
static const unsigned char g[] = "\0ÿé";
static const char h[] = "aÿÃ©b";  /* raw 0xff, then UTF-8 e-acute */

int main(void) {
  ASSERT(4, sizeof g);
  ASSERT(f[1], g[1]);
  ASSERT(f[2], g[2]);
  ASSERT(0xe9, g[2]);
  ASSERT(6, sizeof h);
  ASSERT(-1, h[1]);
  ASSERT(0xc3, (unsigned char)h[2]);
  ASSERT(0xa9, (unsigned char)h[3]);
  ASSERT('b', h[4]);
  TEST_DONE();
}
