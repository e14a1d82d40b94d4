// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a[2] = { [5] = 1 };
// CHECK: array-index-oob-init.c:2:15: error: array index in initializer exceeds array bounds
