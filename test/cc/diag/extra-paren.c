// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  return (1));
}
// CHECK: extra-paren.c:3:13: error: expected ';' before ')' token
