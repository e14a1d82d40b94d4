// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  break;
}
// CHECK: break-outside.c:3:3: error: break statement not within loop or switch
