// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int *f(int a) {
  return &(a + 1);
}
// CHECK: addr-of-rvalue.c:3:10: error: lvalue required as unary '&' operand
