// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int x; };
int f(struct S s) {
  return s->x;
}
// CHECK: arrow-non-pointer.c:4:11: error: invalid type argument of '->' (have 'struct S')
