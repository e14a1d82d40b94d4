// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void)(void);
// CHECK: func-returning-func.c:2:5: error: 'f' declared as function returning a function
