// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  if (1)
}
// CHECK: expected-stmt.c:4:1: error: expected expression before '}' token
