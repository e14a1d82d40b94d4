// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct T { int b : 40; };
// CHECK: bitfield-too-wide.c:2:16: error: width of 'b' exceeds its type
