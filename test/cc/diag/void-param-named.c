// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void a);
// CHECK: void-param-named.c:2:7: error: 'void' must be the only parameter
