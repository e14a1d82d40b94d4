// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
union S *p;
// CHECK: wrong-kind-tag.c:3:7: error: 'S' defined as wrong kind of tag
