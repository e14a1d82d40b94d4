// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a) {
  return a[1];
}
// CHECK: subscript-int.c:3:11: error: subscripted value is neither array nor pointer nor vector
