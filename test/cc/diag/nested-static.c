// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a) {
  static int g(void) { return a; }
  return g();
}
// CHECK: nested-static.c:3:14: error: invalid storage class for function 'g'
