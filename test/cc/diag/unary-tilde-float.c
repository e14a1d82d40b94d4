// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(double d) {
  ~d;
}
// CHECK: unary-tilde-float.c:3:3: error: wrong type argument to bit-complement
