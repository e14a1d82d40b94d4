// __attribute__((aligned(N))) on a function: __alignof__ of the function is
// N (1 without the attribute, as GCC's DECL_ALIGN), and its code starts on an
// N-byte boundary (torture align-3).
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

void plain(void);
void big(void) __attribute__((aligned(256)));
__attribute__((aligned(64))) static int mid(void) { return 3; }

int main(void) {
  ASSERT(1, __alignof__(plain));
  ASSERT(256, __alignof__(big));
  ASSERT(64, __alignof__(mid));
  ASSERT(0, (unsigned long)(void *)big % 256);
  ASSERT(0, (unsigned long)(void *)mid % 64);
  ASSERT(3, mid());
  TEST_DONE();
}

void plain(void) {}
void big(void) {}
