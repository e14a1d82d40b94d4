// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  int x = {};
  return x + y;
}
// CHECK: init-excess-scalar-brace.c:3:11: error: empty scalar initializer
