// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
_Complex int f(_Complex int a) {
  return a << 1;
}
// CHECK: complex-shift.c:3:12: error: invalid operands to binary << (have 'complex int' and 'int')
