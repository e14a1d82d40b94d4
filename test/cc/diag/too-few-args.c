// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int g(int, int);
int f(void) {
  return g(1);
}
// CHECK: too-few-args.c:4:10: error: too few arguments to function 'g'
