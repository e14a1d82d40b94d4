// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  void g(void) { }
}
// CHECK: nested-function.c:3:8: error: function definitions are not allowed here (nested functions are not supported)
