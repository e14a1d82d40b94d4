// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int n;
_Static_assert(n, "x");
// CHECK: static-assert-nonconst.c:3:16: error: expression in static assertion is not constant
