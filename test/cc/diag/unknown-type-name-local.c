// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  foo_t x;
}
// CHECK: unknown-type-name-local.c:3:3: error: unknown type name 'foo_t'
