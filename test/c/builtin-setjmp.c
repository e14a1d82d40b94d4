// GCC's __builtin_setjmp/__builtin_longjmp (a 5-pointer buffer: frame,
// resume address, stack pointer): the jump back restores the frame and the
// stack pointer exactly (alloca'd memory above it survives, the stack does
// not leak over many jumps), locals in memory keep their values, and the
// jump can come from deep calls or from a nested function.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

static void *buf[5];
static int depth_reached;

__attribute__((noinline)) static void down(int n) {
  if (n == 0) __builtin_longjmp(buf, 1);
  depth_reached++;
  down(n - 1);
}

static int deep(int n) {
  volatile int local = 17;
  char *p = __builtin_alloca(32);
  p[31] = 'z';
  if (__builtin_setjmp(buf)) return local * 100 + (p[31] == 'z') + depth_reached * 10;
  local = 18;
  down(n);
  return -1;
}

static long many(int n) {
  volatile long count = 0;
  char *before = __builtin_alloca(1), *after;
  if (__builtin_setjmp(buf) == 0) count = 0;
  count++;
  after = __builtin_alloca(1);
  if (count < n) down(0);  // jumps back: the stack pointer must not drift
  (void)before;
  return (long)count + (after != 0);
}

static int from_nested(int v) {
  void *b[5];
  volatile int seen = 0;
  void inner(int x) {
    seen = x;
    __builtin_longjmp(b, 1);
  }
  if (__builtin_setjmp(b)) return seen + 1000;
  inner(v);
  return -1;
}

int main(void) {
  ASSERT(1851, deep(5));
  ASSERT(100001, many(100000));
  ASSERT(1042, from_nested(42));
  TEST_DONE();
}
