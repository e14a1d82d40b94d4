// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int b : 3; };
void *f(struct S *s) {
  return &s->b;
}
// CHECK: addr-of-bitfield.c:4:10: error: cannot take address of bit-field 'b'
