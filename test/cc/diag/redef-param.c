// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a, int a) { return a; }
// CHECK: redef-param.c:2:18: error: redefinition of parameter 'a'
