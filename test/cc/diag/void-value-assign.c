// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void g(void);
void f(void) {
  int a = g();
}
// CHECK: void-value-assign.c:4:11: error: void value not ignored as it ought to be
