// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a) {
  return (a + 1;
}
// CHECK: missing-rparen.c:3:16: error: expected ')' before ';' token
