// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int g(void);
void f(void) {
  g()++;
}
// CHECK: non-lvalue-incr-call.c:4:6: error: lvalue required as increment operand
