// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a[3](void);
// CHECK: array-of-functions.c:2:5: error: declaration of 'a' as array of functions
