// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
struct S { int b; };
// CHECK: redef-struct.c:3:8: error: redefinition of 'struct S'
