// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int g(void);
void f(void) {
  int x[2] = g;
}
// CHECK: init-func.c:4:14: error: invalid initializer
