// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  return 1 @ 2;
}
// CHECK: stray-char.c:3:12: error: stray '@' in program
