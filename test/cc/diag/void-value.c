// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void g(void);
int f(void) {
  return g() + 1;
}
// CHECK: void-value.c:4:10: error: void value not ignored as it ought to be
