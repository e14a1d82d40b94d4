// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a) {
  return a + y * 2;
}
// CHECK: undeclared-in-expr.c:3:14: error: 'y' undeclared (first use in this function)
