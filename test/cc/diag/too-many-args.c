// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int g(int);
int f(void) {
  return g(1, 2);
}
// CHECK: too-many-args.c:4:10: error: too many arguments to function 'g'
