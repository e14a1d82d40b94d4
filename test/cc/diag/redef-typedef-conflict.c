// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
typedef int T;
typedef long T;
// CHECK: redef-typedef-conflict.c:3:14: error: conflicting types for 'T'; have 'long int'
