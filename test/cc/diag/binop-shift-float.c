// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
double f(double a) {
  return a << 1;
}
// CHECK: binop-shift-float.c:3:12: error: invalid operands to binary << (have 'double' and 'int')
