// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a) {
  return a(1);
}
// CHECK: call-non-function.c:3:10: error: called object 'a' is not a function or function pointer
