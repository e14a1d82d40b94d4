// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
void f(void) {
  const int c = 0;
  --c;
}
// CHECK: decr-const.c:4:3: error: decrement of read-only variable 'c'
