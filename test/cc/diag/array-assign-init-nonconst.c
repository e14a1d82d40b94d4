// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
struct S g(void);
struct S s = g();
// CHECK: array-assign-init-nonconst.c:4:14: error: initializer element is not constant
