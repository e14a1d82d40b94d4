// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(int x) {
  switch (x) { case 1: continue; }
}
// CHECK: continue-in-switch.c:3:24: error: continue statement not within a loop
