// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void v;
// CHECK: void-var.c:2:6: error: variable or field 'v' declared void
