// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
_Complex int f(_Complex int a) {
  return a % 2;
}
// CHECK: complex-modulo.c:3:12: error: invalid operands to binary % (have 'complex int' and 'int')
