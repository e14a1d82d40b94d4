// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int *p, double d) {
  return p[d];
}
// CHECK: subscript-non-int.c:3:11: error: array subscript is not an integer
