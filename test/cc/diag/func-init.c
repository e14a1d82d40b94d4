// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) = 0;
// CHECK: func-init.c:2:1: error: function 'f' is initialized like a variable
