// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(_Complex double a, _Complex double b) {
  return a < b;
}
// CHECK: complex-relational.c:3:12: error: invalid operands to binary < (have 'complex double' and 'complex double')
