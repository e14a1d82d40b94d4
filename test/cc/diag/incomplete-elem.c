// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S;
struct S a[3];
// CHECK: incomplete-elem.c:3:10: error: array type has incomplete element type 'struct S'
