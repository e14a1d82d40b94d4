// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  int x;
  extern int x;
}
// CHECK: extern-after-static-local.c:4:14: error: extern declaration of 'x' follows declaration with no linkage
