// Regression (fixed): see the analysis below.
// REQUIRES: gcc
// RUN: %cfree cc -w -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: ok
/* Reduced from SQLite sqlite3AddInt64 (`return __builtin_add_overflow(*pA, iB, pA);`, crash in
   sumStep for "SELECT sum(k) ..." once the aggregate-copy bug is fixed).
   ROOT CAUSE (frontend, lang/c/builtins.cpp, the *_overflow branch): args() leaves the three
   arguments as deferred Vals; *pA is a Base::Stack lvalue (its address pA is pushed while
   parsing), then `Val p = rvalue(a[2])` pushes pA on top and `rvalue(a[0])` loads from the
   top of the stack (i.e. from the wrong value), and the later `rotate 2; rotate 2` assumes
   the order [x y p].  cfree cc -emit-cg shows
       push_slot_addr %s1 ; load ptr ; push_slot_addr %s1 ; load ptr ; load i64 ;
       push_slot_addr %s2 ; load i64 ; rotate 2 ; rotate 2 ; ... intrinsic add_overflow
   so the intrinsic adds pA + *pA and stores through iB.  Expected: x = *pA, y = iB, p = pA
   pushed in that order, i.e. load ptr ; load i64 ; ...%s2 load i64 ; ...%s1 load ptr ;
   rotate 2 ; rotate 2 ; intrinsic add_overflow.
   Suggested fix (verified locally together with aggregate-member-copy-offset.c: Lua and SQLite
   pass progtests): rvalue each argument as it is parsed for the overflow builtins
   (args(..., evaluate=2) doing `out->push_back(rvalue(assign_expr()))`) and use a[0], a[1],
   a[2] as they are, instead of rvalue(a[2]) before rvalue(a[0]), rvalue(a[1]).
   Check: cfree cc -c THIS.c -o t.o && gcc t.o -o t && ./t   (prints ok, exit 0) */
#include <stdio.h>
__attribute__((noinline)) int add64(long *pA, long iB) { return __builtin_add_overflow(*pA, iB, pA); }
__attribute__((noinline)) int mul32(int *p, int *q) { return __builtin_mul_overflow(*p, *q, p); }
int main(void) {
  long a = 40;
  int bad = add64(&a, 2) != 0 || a != 42;
  a = 0x7fffffffffffffffL;
  bad |= add64(&a, 1) != 1;
  int x = 6, y = 7;
  bad |= mul32(&x, &y) != 0 || x != 42 || y != 7;
  printf(bad ? "FAIL\n" : "ok\n");
  return bad;
}
