// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error
void f(int m) {
  int a[m] = {0};
}
// CHECK: vla-init.c:3:3: error: variable-sized object may not be initialized
