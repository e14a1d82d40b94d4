// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int *p) {
  (int[2])p;
}
// CHECK: cast-to-array.c:3:3: error: cast specifies array type
