// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct;
int x;
// CHECK: struct-no-brace-notag.c:2:7: error: expected '{' before ';' token
