// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
enum E;
int x = sizeof(enum E);
// CHECK: enum-incomplete-sizeof.c:3:16: error: invalid application of 'sizeof' to incomplete type 'enum E'
