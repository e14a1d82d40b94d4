// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int g(void);
int x = g();
// CHECK: nonconst-global-init.c:3:9: error: initializer element is not constant
