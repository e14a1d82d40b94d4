// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S;
int f(void) {
  return sizeof(struct S);
}
// CHECK: sizeof-incomplete.c:4:17: error: invalid application of 'sizeof' to incomplete type 'struct S'
