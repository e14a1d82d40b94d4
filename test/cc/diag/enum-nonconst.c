// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int n;
enum E { A = n };
// CHECK: enum-nonconst.c:3:10: error: enumerator value for 'A' is not an integer constant
