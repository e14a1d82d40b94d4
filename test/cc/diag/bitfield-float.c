// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct T { double d : 3; };
// CHECK: bitfield-float.c:2:19: error: bit-field 'd' has invalid type
