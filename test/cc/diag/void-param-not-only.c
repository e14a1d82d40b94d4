// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int, void);
// CHECK: void-param-not-only.c:2:12: error: 'void' must be the only parameter
