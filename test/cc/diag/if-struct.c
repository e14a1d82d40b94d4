// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
void f(struct S s) {
  if (s) return;
}
// CHECK: if-struct.c:4:7: error: used struct type value where scalar is required
