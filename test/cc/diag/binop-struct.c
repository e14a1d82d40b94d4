// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
int f(struct S s) {
  return s + 1;
}
// CHECK: binop-struct.c:4:12: error: invalid operands to binary + (have 'struct S' and 'int')
