// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  return x;
}
// CHECK: undeclared.c:3:10: error: 'x' undeclared (first use in this function)
