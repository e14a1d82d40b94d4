// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  extern int x = 1;
}
// CHECK: extern-init-block.c:3:14: error: 'x' has both 'extern' and initializer
