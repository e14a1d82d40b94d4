// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a[2] = { 1, 2 ;
// CHECK: expected-rbrace-init.c:2:19: error: expected '}' before ';' token
