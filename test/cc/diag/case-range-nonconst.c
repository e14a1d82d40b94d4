// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int x, int y) {
  switch (x) { case 1 ... y: break; }
}
// CHECK: case-range-nonconst.c:3:16: error: case label does not reduce to an integer constant
