// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  int a = 1
  return a;
}
// CHECK: missing-semi.c:4:3: error: expected ',' or ';' before 'return'
