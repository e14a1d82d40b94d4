// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int *p, _Complex int a) {
  return p[a];
}
// CHECK: complex-subscript.c:3:11: error: array subscript is not an integer
