// A nested function may only goto a label its enclosing function declared
// with __label__.
// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  void k(void) { goto lab; }
  k();
lab:
  return 0;
}
// CHECK: nested-goto-undeclared-label.c:5:18: error: label 'lab' used but not defined
