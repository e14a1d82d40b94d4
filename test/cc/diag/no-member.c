// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int x; };
int f(struct S *s) {
  return s->y;
}
// CHECK: no-member.c:4:11: error: 'struct S' has no member named 'y'
