// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(_Complex int a) {
  switch (a) { default: break; }
}
// CHECK: complex-switch.c:3:11: error: switch quantity not an integer
