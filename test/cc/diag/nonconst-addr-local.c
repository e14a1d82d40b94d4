// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  int x;
  static int *p = &x;
}
// CHECK: nonconst-addr-local.c:4:19: error: initializer element is not constant
