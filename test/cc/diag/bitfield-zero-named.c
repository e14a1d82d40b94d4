// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct T { int b : 0; };
// CHECK: bitfield-zero-named.c:2:16: error: zero width for bit-field 'b'
