// GNU C: statement expressions, typeof, ?: without middle, labels as values,
// case ranges, __builtin_*, _Generic, __auto_type, computed goto.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

#define MAX(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
static int dispatch(int i) {
  static void *tbl[] = { &&l0, &&l1, &&l2 };
  goto *tbl[i];
l0: return 100;
l1: return 101;
l2: return 102;
}
static int classify(int c) {
  switch (c) {
    case 'a' ... 'z': return 1;
    case '0' ... '9': return 2;
    default: return 0;
  }
}
#define TYPE(x) _Generic((x), int: 1, long: 2, double: 3, char *: 4, default: 0)

int main(void) {
  ASSERT(5, MAX(3, 5));
  ASSERT(9, ({ int t = 4; t + 5; }));
  int z = 0;
  ASSERT(7, z ?: 7);
  ASSERT(3, 3 ?: 7);
  ASSERT(101, dispatch(1));
  ASSERT(102, dispatch(2));
  ASSERT(1, classify('q'));
  ASSERT(2, classify('5'));
  ASSERT(0, classify('#'));
  ASSERT(1, TYPE(1));
  ASSERT(2, TYPE(1L));
  ASSERT(3, TYPE(1.0));
  ASSERT(4, TYPE("s"));
  ASSERT(0, TYPE('c' + 0.0f));
  __auto_type v = 3L;
  ASSERT(8, sizeof v);
  typeof(v) w = 4;
  ASSERT(8, sizeof w);
  ASSERT(32, __builtin_popcountll(0xffffffffULL));
  ASSERT(3, __builtin_ctz(8));
  ASSERT(28, __builtin_clz(8));
  ASSERT(0x78563412, __builtin_bswap32(0x12345678));
  int r;
  ASSERT(1, __builtin_add_overflow(0x7fffffff, 1, &r));
  ASSERT(0, __builtin_mul_overflow(6, 7, &r));
  ASSERT(42, r);
  ASSERT(1, __builtin_constant_p(3 * 4));
  ASSERT(1, __builtin_types_compatible_p(int, signed));
  ASSERT(0, __builtin_types_compatible_p(int, long));
  ASSERT(5, __builtin_choose_expr(1, 5, 6.0));
  ASSERT(1, __builtin_expect(1, 0));
  int c = 0;
  __atomic_store_n(&c, 5, __ATOMIC_SEQ_CST);
  ASSERT(5, __atomic_fetch_add(&c, 2, __ATOMIC_SEQ_CST));
  ASSERT(8, __atomic_add_fetch(&c, 1, __ATOMIC_SEQ_CST));
  ASSERT(8, __sync_val_compare_and_swap(&c, 8, 9));
  ASSERT(9, __atomic_load_n(&c, __ATOMIC_RELAXED));
  const char *fn = __func__;
  ASSERT('m', fn[0]);
  TEST_DONE();
}
