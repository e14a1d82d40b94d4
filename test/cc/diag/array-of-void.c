// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void a[3];
// CHECK: array-of-void.c:2:6: error: declaration of 'a' as array of voids
