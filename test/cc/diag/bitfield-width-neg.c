// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct T { int b : -1; };
// CHECK: bitfield-width-neg.c:2:16: error: negative width in bit-field 'b'
