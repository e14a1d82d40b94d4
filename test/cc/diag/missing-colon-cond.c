// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a) {
  return a ? 1;
}
// CHECK: missing-colon-cond.c:3:15: error: expected ':' before ';' token
