// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
_Static_assert(1 == 2, "math");
// CHECK: static-assert-fail.c:2:1: error: static assertion failed: "math"
