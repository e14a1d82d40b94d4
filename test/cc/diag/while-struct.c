// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
void f(struct S s) {
  while (s) ;
}
// CHECK: while-struct.c:4:10: error: used struct type value where scalar is required
