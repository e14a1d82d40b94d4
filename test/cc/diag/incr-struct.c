// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
void f(struct S s) {
  s++;
}
// CHECK: incr-struct.c:4:4: error: wrong type argument to increment
