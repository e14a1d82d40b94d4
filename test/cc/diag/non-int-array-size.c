// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a[1.5];
// CHECK: non-int-array-size.c:2:5: error: size of array 'a' has non-integer type
