// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void)[3];
// CHECK: func-returning-array.c:2:5: error: 'f' declared as function returning an array
