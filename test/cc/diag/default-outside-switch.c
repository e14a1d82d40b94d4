// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  default: ;
}
// CHECK: default-outside-switch.c:3:3: error: 'default' label not within a switch statement
