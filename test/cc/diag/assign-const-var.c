// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  const int c = 1;
  c = 2;
}
// CHECK: assign-const-var.c:4:5: error: assignment of read-only variable 'c'
