// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int x = 1 \ 2;
// CHECK: stray-backslash.c:2:11: error: stray '\' in program
