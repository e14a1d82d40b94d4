// __sync_* and __atomic_* read-modify-write builtins pick their operation
// from the name's operation word (__sync_fetch_and_or used to match the
// "and" of "fetch_and" and emit an AND).
// REQUIRES: gcc
// RUN: %cfree cc -w -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

int v;
long lv;

int main(void) {
  v = 0x10;
  ASSERT(0x10, __sync_fetch_and_or(&v, 3));
  ASSERT(0x13, v);
  ASSERT(0x13, __sync_fetch_and_and(&v, 0x12));
  ASSERT(0x12, v);
  ASSERT(0x12, __sync_fetch_and_xor(&v, 0xff));
  ASSERT(0xed, v);
  ASSERT(0x1ed, __sync_or_and_fetch(&v, 0x100));
  ASSERT(0x0d, __sync_and_and_fetch(&v, 0x0f));
  ASSERT(0x0d ^ 0x33, __sync_xor_and_fetch(&v, 0x33));
  v = 0xf5;
  ASSERT(0xf5, __sync_fetch_and_nand(&v, 0xf0));
  ASSERT(~0xf0, v);
  v = 0xf5;
  ASSERT(~0xf0, __sync_nand_and_fetch(&v, 0xf0));
  v = 5;
  ASSERT(5, __sync_fetch_and_add(&v, 1));
  ASSERT(5, __sync_sub_and_fetch(&v, 1));
  ASSERT(5, __atomic_fetch_or(&v, 0x1000, __ATOMIC_SEQ_CST));
  ASSERT(0x1004, __atomic_and_fetch(&v, 0x1004, __ATOMIC_SEQ_CST));
  ASSERT(0x1004, __atomic_fetch_xor(&v, 1, __ATOMIC_RELAXED));
  ASSERT(0x1005 | 0x20, __atomic_or_fetch(&v, 0x20, __ATOMIC_ACQ_REL));
  lv = 1L << 40;
  ASSERT(1L << 40, __sync_fetch_and_or(&lv, 1));
  ASSERT((1L << 40) | 1, lv);
  TEST_DONE();
}
