// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int x;
typedef int x;
// CHECK: redecl-kind.c:3:13: error: 'x' redeclared as different kind of symbol
