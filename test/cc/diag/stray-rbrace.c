// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a;
}
// CHECK: stray-rbrace.c:3:1: error: expected identifier or '(' before '}' token
