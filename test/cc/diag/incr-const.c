// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  const int c = 0;
  c++;
}
// CHECK: incr-const.c:4:4: error: increment of read-only variable 'c'
