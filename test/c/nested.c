// GNU nested functions: the static chain (enclosing parameters, locals,
// VLAs, several levels deep, siblings, recursion), K&R nested definitions,
// `auto` forward declarations, struct returns, varargs, non-local goto to a
// __label__ of an enclosing function, and addresses of nested functions that
// need no chain.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"
#include <stdarg.h>

static int params(int a, long b) {
  int x = 10;
  int add(int c) { return a + (int)b + c + x; }
  x = 20;  // the nested function sees the current value
  return add(3);
}

static int levels(int n) {
  int s = 1;
  int l1(int k) {
    int t = 100;
    int l2(int j) {
      int l3(void) { return s * 1000 + t + n; }
      s += j;
      return l3();
    }
    return l2(k) + l2(1);
  }
  return l1(3) + s;
}

static int siblings(int base) {
  int twice(int v) { return 2 * v + base; }
  int thrice(int v) { return twice(v) + v; }  // a sibling through the shared chain
  return thrice(5);
}

static int recursion(int n) {
  int calls = 0;
  int fact(int k) {
    calls++;
    return k <= 1 ? 1 : k * fact(k - 1);
  }
  int r = fact(n);
  return r * 100 + calls;
}

static int vla(int n) {
  int a[n];
  for (int i = 0; i < n; i++) a[i] = i * i;
  int sum(void) {
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s + (int)sizeof a;
  }
  return sum();
}

static int knr(int v) {
  int off = 7;
  int f(x) int x; { return x + off; }
  return f(v);
}

static int forward(int v) {
  auto int later(int);
  int first(int x) { return later(x) + 1; }
  int later(int x) { return x * v; }
  return first(3);
}

struct S { int a, b, c, d, e; };
static int structs(int base) {
  struct S make(void) {
    struct S s = {base, base + 1, base + 2, base + 3, base + 4};
    return s;
  }
  struct S s = make();
  return s.a + s.b + s.c + s.d + s.e;
}

static int varargs(int scale) {
  int sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, int) * scale;
    va_end(ap);
    return s;
  }
  return sum(4, 1, 2, 3, 4);
}

static int nonlocal(int depth) {
  __label__ out;
  int reached = 0;
  void down(int d) {
    if (d == 0) {
      reached = 1;
      goto out;
    }
    down(d - 1);
    reached = -1;  // never: the goto skips every level
  }
  down(depth);
  return -2;
out:
  return reached * 10 + depth;
}

static int nonlocal_deep(int v) {
  __label__ done;
  int r = 0;
  int mid(void) {
    void inner(void) {
      r = v;
      goto done;
    }
    inner();
    return 99;
  }
  r = mid();
done:
  return r;
}

// A nested function's VLA parameter sizes are evaluated at each of its
// entries (side effects included), not where it is defined.
static int vla_param(int n) {
  int f(char a[2][++n]) {
    n += 4;
    return sizeof(a[0]);
  }
  int first = f(0), second = f(0);
  return first * 1000 + second * 10 + n;  // 2, 7, 11
}

static int apply(int (*f)(int), int v) { return f(v); }
static int chain_free(int v) {
  int sq(int x) { return x * x; }  // uses nothing from outside: a plain pointer will do
  return apply(sq, v) + apply(&sq, 1);
}

int main(void) {
  ASSERT(34, params(1, 10));
  ASSERT(4107 + 5107 + 5, levels(7));
  ASSERT(2 * 5 + 1 + 5, siblings(1));
  ASSERT(120 * 100 + 5, recursion(5));
  ASSERT(0 + 1 + 4 + 9 + 16 + 20, vla(5));
  ASSERT(12, knr(5));
  ASSERT(3 * 4 + 1, forward(4));
  ASSERT(5 * 10 + 10, structs(10));
  ASSERT(30, varargs(3));
  ASSERT(10 + 50, nonlocal(50));
  for (int i = 0; i < 3; i++) ASSERT(i + 3, nonlocal_deep(i + 3));
  ASSERT(50, chain_free(7));
  ASSERT(2000 + 70 + 11, vla_param(1));
  TEST_DONE();
}
