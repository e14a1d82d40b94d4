// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  continue;
}
// CHECK: continue-outside.c:3:3: error: continue statement not within a loop
