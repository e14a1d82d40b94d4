// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void *p) {
  return *p + 1;
}
// CHECK: deref-void-use.c:3:10: error: void value not ignored as it ought to be
