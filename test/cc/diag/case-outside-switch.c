// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  case 1: ;
}
// CHECK: case-outside-switch.c:3:3: error: case label not within a switch statement
