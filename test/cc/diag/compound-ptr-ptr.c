// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int *p, int *q) {
  p += q;
}
// CHECK: compound-ptr-ptr.c:3:5: error: invalid operands to binary + (have 'int *' and 'int *')
