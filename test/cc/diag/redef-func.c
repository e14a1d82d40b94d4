// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) { return 0; }
int f(void) { return 1; }
// CHECK: redef-func.c:3:5: error: redefinition of 'f'
