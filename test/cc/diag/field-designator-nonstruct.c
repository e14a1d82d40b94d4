// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a[2] = { .x = 1 };
// CHECK: field-designator-nonstruct.c:2:14: error: field name not in record or union initializer
