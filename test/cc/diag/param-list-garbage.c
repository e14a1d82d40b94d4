// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a, +);
// CHECK: param-list-garbage.c:2:14: error: expected declaration specifiers or '...' before '+' token
