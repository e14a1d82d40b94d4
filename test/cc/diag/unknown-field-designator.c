// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
struct S s = { .b = 1 };
// CHECK: unknown-field-designator.c:3:17: error: 'struct S' has no member named 'b'
