// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S;
struct S f(void) {
  struct S *p = 0;
  return *p;
}
// CHECK: return-type-incomplete.c:3:10: error: return type is an incomplete type
