// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int a) {
  a + 1 = 2;
}
// CHECK: assign-rvalue.c:3:9: error: lvalue required as left operand of assignment
