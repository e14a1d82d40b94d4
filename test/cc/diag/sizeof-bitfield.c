// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int b : 3; };
int f(struct S *s) {
  return sizeof(s->b);
}
// CHECK: sizeof-bitfield.c:4:16: error: 'sizeof' applied to a bit-field
