// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int n = 3;
struct G { int a[n]; };
// CHECK: vm-member-file-scope.c:3:16: error: variably modified 'a' at file scope
