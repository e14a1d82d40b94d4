// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { const int m; };
void f(struct S *s) {
  s->m = 1;
}
// CHECK: assign-const-member.c:4:8: error: assignment of read-only member 'm'
