// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void);
static int f(void) { return 0; }
// CHECK: static-follows-nonstatic.c:3:12: error: static declaration of 'f' follows non-static declaration
