// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S;
struct S *f(struct S *p) {
  return p + 1;
}
// CHECK: ptr-arith-incomplete.c:4:12: error: invalid use of undefined type 'struct S'
