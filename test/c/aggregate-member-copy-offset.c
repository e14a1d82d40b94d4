// Regression (fixed): see the analysis below.
// REQUIRES: gcc
// RUN: %cfree cc -w -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: ok
/* Reduced from Lua 5.4 ltable.c (mainpositionfromnode, luaH_next, reinsert, luaH_newkey:
   setobj/getnodekey copy a union Value at offset 16 of a Node) and from SQLite (pParse->db
   garbage after "create table"): an aggregate (struct/union) assignment whose source or
   destination is a member reached through a pointer (p->m, p->a.b) loses the member offset.
   ROOT CAUSE (frontend, lang/c/sema_expr.cpp Parser::assign_to): for an aggregate both
   operands are Base::Stack values; the "[dst src]" case (and the "vs" case) emits the copy
   without applying lv.off / v.off, so the copy uses the base pointer (offset 0).
   cfree cc -emit-cg on s1 below shows
       push_slot_addr %s1+0 ; load ptr ; push_slot_addr %s2+0 ; load ptr ; copy 8 align=8
   where the source should be  load ptr ; retype ptr ; push_int i64 8 ; binop add ptr.
   Suggested fix: in assign_to, `if (vs && v.off) push_address(v);` before the case split,
   and in the lvs && vs case `if (lv.off) { g.swap(); push_address(lv); g.swap(); }`
   (verified locally: Lua and SQLite then pass progtests).
   Check: cfree cc -c THIS.c -o t.o && gcc t.o -o t && ./t   (prints ok, exit 0) */
#include <stdio.h>
typedef struct V { long i; } V;
typedef union U { long i; void *p; } U;
struct S { long a; V b; U c; };
struct Outer { int pad; struct S s; };
__attribute__((noinline)) void s1(V *o, struct S *p) { *o = p->b; }
__attribute__((noinline)) void s2(U *o, struct S *p) { *o = p->c; }
__attribute__((noinline)) void s3(struct S *p, U *o) { p->c = *o; }
__attribute__((noinline)) void s4(struct Outer *d, struct Outer *s) { d->s.c = s->s.b.i ? s->s.c : d->s.c; }
__attribute__((noinline)) void s5(struct Outer *d, struct S *s) { d->s = *s; }
int main(void) {
  struct S s = {1, {2}, {3}};
  V v; U u;
  s1(&v, &s);
  s2(&u, &s);
  int bad = v.i != 2 || u.i != 3;
  u.i = 9;
  s3(&s, &u);
  bad |= s.c.i != 9 || s.a != 1 || s.b.i != 2;
  struct Outer d = {7, {10, {11}, {12}}}, o = {8, {20, {21}, {22}}};
  s4(&d, &o);
  bad |= d.pad != 7 || d.s.a != 10 || d.s.b.i != 11 || d.s.c.i != 22;
  s5(&d, &s);
  bad |= d.pad != 7 || d.s.a != 1 || d.s.b.i != 2 || d.s.c.i != 9;
  printf(bad ? "FAIL\n" : "ok\n");
  return bad;
}
