// Addresses of GNU nested functions that use their static chain: heap
// trampolines from libcfree_rt (__cfree_tramp_new in rt/lib/trampoline.c),
// never an executable stack.  Callbacks through plain function pointers,
// one trampoline per frame in a recursion, a loop taking the same address
// many times (the slot is reused), many live at once (a second pool block),
// a non-local goto out of a call through a trampoline, and the pointer
// compared to itself.  Linked by cfree (the runtime archive).
// RUN: %cfree cc %s -o %t
// RUN: %t
#include "Inputs/test.h"

static int apply(int (*f)(int), int v) { return f(v); }
static void each(int n, void (*f)(int)) {
  for (int i = 0; i < n; i++) f(i);
}

static int callback(int k) {
  int sum = 0;
  void add(int i) { sum += i * k; }
  each(5, add);
  return sum;
}

// Each level's trampoline carries that level's frame.
static int rec(int n) {
  int mine = n;
  int get(int x) { return mine * 10 + x; }
  if (n == 0) return apply(get, 1);
  int deeper = rec(n - 1);
  return apply(get, 0) + deeper;
}

static long loop(int n) {
  long total = 0;
  int bias = 3;
  int f(int x) { return x + bias; }
  for (int i = 0; i < n; i++) total += apply(f, i);
  return total;
}

// More live trampolines than one pool block holds (128).
static int many(int n) {
  if (n == 0) return 0;
  int me = n;
  int get(int x) { return me + x; }
  int (*p)(int) = get;
  int r = many(n - 1);
  return p(0) - n + r + (p == get);  // each p still calls its own frame's get
}

static int escape(int v) {
  __label__ out;
  int seen = 0;
  int bail(int x) {
    seen = x;
    if (x > 2) goto out;
    return x;
  }
  apply(bail, 1);
  apply(bail, v);
  return -1;
out:
  return seen;
}

int main(void) {
  ASSERT(2 * (0 + 1 + 2 + 3 + 4), callback(2));
  ASSERT(1 + 10 + 20 + 30, rec(3));
  ASSERT(100000L * 99999 / 2 + 3 * 100000L, loop(100000));
  ASSERT(300, many(300));
  ASSERT(7, escape(7));
  ASSERT(-1, escape(2));
  TEST_DONE();
}
