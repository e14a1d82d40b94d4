// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(foo_t a);
// CHECK: unknown-type-name-param.c:2:7: error: unknown type name 'foo_t'
