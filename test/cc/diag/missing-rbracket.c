// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a[3;
// CHECK: missing-rbracket.c:2:8: error: expected ']' before ';' token
