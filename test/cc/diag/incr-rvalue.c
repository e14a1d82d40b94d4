// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int a) {
  (a + 1)++;
}
// CHECK: incr-rvalue.c:3:10: error: lvalue required as increment operand
