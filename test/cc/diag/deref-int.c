// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a) {
  return *a;
}
// CHECK: deref-int.c:3:10: error: invalid type argument of unary '*' (have 'int')
