// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  else return;
}
// CHECK: else-without-if.c:3:3: error: 'else' without a previous 'if'
