// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a = 1;
int b = a;
// CHECK: nonconst-global-init-var.c:3:9: error: initializer element is not constant
