// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int *p, int *q) {
  return p + q;
}
// CHECK: binop-ptr-ptr-add.c:3:12: error: invalid operands to binary + (have 'int *' and 'int *')
