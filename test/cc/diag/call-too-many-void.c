// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int g(void);
int f(void) {
  return g(1);
}
// CHECK: call-too-many-void.c:4:10: error: too many arguments to function 'g'
