// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int x) {
  switch (x) {
  default: break;
  default: break;
  }
}
// CHECK: duplicate-default.c:5:3: error: multiple default labels in one switch
