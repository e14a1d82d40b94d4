// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int A;
enum E { A };
// CHECK: enumerator-vs-var.c:3:10: error: 'A' redeclared as different kind of symbol
