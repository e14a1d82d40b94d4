// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
int f(struct S a, struct S b) {
  return a < b;
}
// CHECK: struct-less.c:4:12: error: invalid operands to binary < (have 'struct S' and 'struct S')
