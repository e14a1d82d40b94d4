// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; int a; };
// CHECK: duplicate-member.c:2:23: error: duplicate member 'a'
