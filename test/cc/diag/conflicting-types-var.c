// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int x;
long x;
// CHECK: conflicting-types-var.c:3:6: error: conflicting types for 'x'; have 'long int'
