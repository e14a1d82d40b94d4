// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  typedef int T;
  int T;
}
// CHECK: typedef-redecl-var-block.c:4:7: error: 'T' redeclared as different kind of symbol
