// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  goto 3;
}
// CHECK: goto-no-label.c:3:8: error: expected identifier or '*' before numeric constant
