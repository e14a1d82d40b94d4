// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int);
long f(int);
// CHECK: conflicting-types-func.c:3:6: error: conflicting types for 'f'; have 'long int(int)'
