// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  return q + q;
}
// CHECK: undeclared-twice.c:3:10: error: 'q' undeclared (first use in this function)
