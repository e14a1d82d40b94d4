// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a) {
  return a + ;
}
// CHECK: expected-expr-2.c:3:14: error: expected expression before ';' token
