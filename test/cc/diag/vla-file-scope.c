// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int n;
int a[n];
// CHECK: vla-file-scope.c:3:5: error: variably modified 'a' at file scope
