// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void g(void);
int f(void) {
  int a[sizeof(int)] = { g() };
  return a[0];
}
// CHECK: sizeof-function-call-void.c:4:26: error: void value not ignored as it ought to be
