// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
_Static_assert(sizeof(int) == 3, "int size");
// CHECK: static-assert-fail-nomsg.c:2:1: error: static assertion failed: "int size"
