// An aligned attribute among a member's declaration specifiers aligns that
// member (and so the record), as GCC does (torture pr23467).
// RUN: %cfree cc %s -o %t && %t
// RUN: %cfree run %s
#include "Inputs/test.h"

struct s1 { int __attribute__((aligned(8))) a; };
struct s2 { __attribute__((aligned(16))) char c; int d; };
struct s3 { int a __attribute__((aligned(8))); };
struct { char c; struct s1 m; } v;

int main(void) {
  ASSERT(8, _Alignof(struct s1));
  ASSERT(8, sizeof(struct s1));
  ASSERT(16, _Alignof(struct s2));
  ASSERT(16, sizeof(struct s2));
  ASSERT(8, _Alignof(struct s3));
  ASSERT(8, __builtin_offsetof(__typeof__(v), m));
  ASSERT(0, (long)&v.m & 7);
  TEST_DONE();
}
