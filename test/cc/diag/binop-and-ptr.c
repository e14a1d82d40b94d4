// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
long f(int *p) {
  return p & 1;
}
// CHECK: binop-and-ptr.c:3:12: error: invalid operands to binary & (have 'int *' and 'int')
