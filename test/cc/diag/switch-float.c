// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(double d) {
  switch (d) { default: break; }
}
// CHECK: switch-float.c:3:11: error: switch quantity not an integer
