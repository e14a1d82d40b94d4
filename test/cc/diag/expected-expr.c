// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  return );
}
// CHECK: expected-expr.c:3:10: error: expected expression before ')' token
