// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  { l: ; }
  { l: ; }
}
// CHECK: label-dup-nested.c:4:5: error: duplicate label 'l'
