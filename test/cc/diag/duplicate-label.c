// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
l:;
l:;
}
// CHECK: duplicate-label.c:4:1: error: duplicate label 'l'
