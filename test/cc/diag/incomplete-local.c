// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S;
void f(void) {
  struct S s;
}
// CHECK: incomplete-local.c:4:12: error: storage size of 's' isn't known
