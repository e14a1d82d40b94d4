// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(static int a);
// CHECK: storage-param.c:2:19: error: storage class specified for parameter 'a'
