// A static initializer for a flexible array member (GNU) is emitted past
// sizeof, not dropped (torture 20010924-1, pr33382).
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

struct S { char c; char s[]; } a = {'o', "wx"};
struct T { int i; int j[]; } b = {1, {2, 0, 2, 3}};
struct T c = {5, {[2] = 7}};
struct S d = {'9', {'e', 'b'}};

int main(void) {
  ASSERT('o', a.c);
  ASSERT('w', a.s[0]);
  ASSERT('x', a.s[1]);
  ASSERT(0, a.s[2]);
  ASSERT(1, b.i);
  ASSERT(2, b.j[0]);
  ASSERT(0, b.j[1]);
  ASSERT(2, b.j[2]);
  ASSERT(3, b.j[3]);
  ASSERT(0, c.j[1]);
  ASSERT(7, c.j[2]);
  ASSERT('e', d.s[0]);
  ASSERT('b', d.s[1]);
  TEST_DONE();
}
