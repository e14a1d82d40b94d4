// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
long long long x;
// CHECK: long-long-long.c:2:11: error: 'long long long' is too long for GCC
