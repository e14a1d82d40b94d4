// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int *f(_Complex double a) {
  return a;
}
// CHECK: complex-to-pointer.c:3:10: error: incompatible types when returning type 'complex double' but 'int *' was expected
