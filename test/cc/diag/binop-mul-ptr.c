// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
long f(int *p) {
  return p * 2;
}
// CHECK: binop-mul-ptr.c:3:12: error: invalid operands to binary * (have 'int *' and 'int')
