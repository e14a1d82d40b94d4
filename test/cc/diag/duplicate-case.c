// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int x) {
  switch (x) {
  case 1: break;
  case 1: break;
  }
}
// CHECK: duplicate-case.c:5:3: error: duplicate case value
