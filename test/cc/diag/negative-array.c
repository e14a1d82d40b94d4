// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a[-1];
// CHECK: negative-array.c:2:5: error: size of array 'a' is negative
