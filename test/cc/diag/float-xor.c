// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
double f(double a, double b) {
  return a ^ b;
}
// CHECK: float-xor.c:3:12: error: invalid operands to binary ^ (have 'double' and 'double')
