// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int n) {
  static int a[n];
}
// CHECK: array-size-nonconst-static.c:3:14: error: storage size of 'a' isn't constant
