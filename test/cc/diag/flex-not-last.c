// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct T { int a[]; int b; };
// CHECK: flex-not-last.c:2:16: error: flexible array member not at end of struct
