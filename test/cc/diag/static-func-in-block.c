// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  static int g(void);
}
// CHECK: static-func-in-block.c:3:14: error: invalid storage class for function 'g'
