// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S;
struct T { struct S s; };
// CHECK: field-incomplete.c:3:21: error: field 's' has incomplete type
