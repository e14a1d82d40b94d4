// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int x = 1;
int x = 2;
// CHECK: redef-var.c:3:5: error: redefinition of 'x'
