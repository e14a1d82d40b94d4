// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
int f(struct S s) {
  return s ? 1 : 2;
}
// CHECK: cond-struct.c:4:12: error: used struct type value where scalar is required
