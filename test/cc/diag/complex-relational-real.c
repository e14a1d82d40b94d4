// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(_Complex float a) {
  return 1 >= a;
}
// CHECK: complex-relational-real.c:3:12: error: invalid operands to binary >= (have 'int' and 'complex float')
