// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S;
int f(void) {
  return _Alignof(struct S);
}
// CHECK: alignof-incomplete.c:4:19: error: invalid application of '__alignof__' to incomplete type 'struct S'
