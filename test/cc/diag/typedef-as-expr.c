// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
typedef int T;
int f(void) {
  return T;
}
// CHECK: typedef-as-expr.c:4:10: error: expected expression before 'T'
