// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void g(void);
int f(void) {
  return !g();
}
// CHECK: bool-of-void.c:4:10: error: invalid use of void expression
