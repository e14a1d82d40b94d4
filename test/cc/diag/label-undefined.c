// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  goto nowhere;
}
// CHECK: label-undefined.c:3:3: error: label 'nowhere' used but not defined
