// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int *p) {
  switch (p) { default: break; }
}
// CHECK: switch-ptr.c:3:11: error: switch quantity not an integer
