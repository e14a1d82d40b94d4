// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  int a[2], b[2];
  a = b;
}
// CHECK: assign-array.c:4:5: error: assignment to expression with array type
