// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
int g(struct S);
int f(void) {
  return g(1);
}
// CHECK: arg-struct-mismatch.c:5:12: error: incompatible type for argument 1 of 'g'
