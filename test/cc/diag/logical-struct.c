// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
int f(struct S s) {
  return s && 1;
}
// CHECK: logical-struct.c:4:10: error: used struct type value where scalar is required
