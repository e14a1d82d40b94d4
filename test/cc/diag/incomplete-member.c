// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S;
int f(struct S *s) {
  return s->x;
}
// CHECK: incomplete-member.c:4:11: error: invalid use of undefined type 'struct S'
