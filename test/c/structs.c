// Structs, unions, bit-fields, anonymous members, struct copy and return.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

struct P { int x, y; };
struct Q { char c; struct P p; long l; short s[3]; };
union U { int i; unsigned char b[4]; float f; };
struct B { unsigned a : 3; signed b : 5; unsigned c : 1; int : 0; unsigned d : 7; };
struct A { int k; union { int u1; char u2; }; struct { short s1, s2; }; };
struct F { int n; int data[]; };

static struct P mk(int x, int y) { struct P p = {x, y}; return p; }
static int sum(struct P p) { return p.x + p.y; }
static struct Q big(void) { struct Q q = {'a', {1, 2}, 3, {4, 5, 6}}; return q; }

int main(void) {
  struct P a = {1, 2}, b;
  b = a;
  b.x = 10;
  ASSERT(1, a.x);
  ASSERT(10, b.x);
  ASSERT(12, sum(b));
  ASSERT(7, sum(mk(3, 4)));
  ASSERT(4, mk(3, 4).y);
  struct Q q = big();
  ASSERT('a', q.c);
  ASSERT(2, q.p.y);
  ASSERT(3, q.l);
  ASSERT(6, q.s[2]);
  ASSERT(32, sizeof(struct Q));
  ASSERT(12, __builtin_offsetof(struct Q, l) - 4);
  union U u;
  u.i = 0x04030201;
  ASSERT(1, u.b[0]);
  ASSERT(4, u.b[3]);
  ASSERT(4, sizeof(union U));
  struct B bf = {5, -3, 1, 100};
  ASSERT(5, bf.a);
  ASSERT(-3, bf.b);
  ASSERT(1, bf.c);
  ASSERT(100, bf.d);
  bf.a = 9;
  ASSERT(1, bf.a);
  bf.b += 20;
  ASSERT(-15, bf.b);
  ASSERT(8, sizeof(struct B));
  struct { unsigned u3 : 3; unsigned long l31 : 31; } bx = {0, 0};
  ASSERT(1, bx.u3 - 2 < 0);   /* narrow unsigned bit-fields promote to int */
  ASSERT(1, bx.l31 - 2 < 0);
  struct A an = {1, {2}, {3, 4}};
  ASSERT(2, an.u1);
  ASSERT(4, an.s2);
  an.u2 = 7;
  ASSERT(7, an.u1 & 0xff);
  ASSERT(4, sizeof(struct F));
  struct P *pp = &a;
  pp->y = 42;
  ASSERT(42, a.y);
  ASSERT(42, (&a)->y);
  struct P arr[3] = {{1, 2}, {3, 4}, {5, 6}};
  ASSERT(6, arr[2].y);
  ASSERT(3, (arr + 1)->x);
  TEST_DONE();
}
