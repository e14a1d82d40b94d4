// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  int a;
  int a;
}
// CHECK: redecl-no-linkage.c:4:7: error: redeclaration of 'a' with no linkage
