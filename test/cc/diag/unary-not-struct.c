// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
int f(struct S s) {
  return !s;
}
// CHECK: unary-not-struct.c:4:10: error: wrong type argument to unary exclamation mark
