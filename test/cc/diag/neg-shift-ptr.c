// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int *p) {
  return 1 << p;
}
// CHECK: neg-shift-ptr.c:3:12: error: invalid operands to binary << (have 'int' and 'int *')
