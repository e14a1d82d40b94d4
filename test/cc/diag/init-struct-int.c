// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
void f(void) {
  struct S s = 1;
}
// CHECK: init-struct-int.c:4:16: error: invalid initializer
