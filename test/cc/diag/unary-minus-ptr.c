// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int *p) {
  -p;
}
// CHECK: unary-minus-ptr.c:3:3: error: wrong type argument to unary minus
