// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int a) {
  3 += a;
}
// CHECK: compound-assign-rvalue.c:3:5: error: lvalue required as left operand of assignment
