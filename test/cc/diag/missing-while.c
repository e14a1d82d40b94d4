// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  do { } (1);
}
// CHECK: missing-while.c:3:10: error: expected 'while' before '(' token
