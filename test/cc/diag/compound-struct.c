// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
void f(struct S s) {
  s += 1;
}
// CHECK: compound-struct.c:4:5: error: invalid operands to binary + (have 'struct S' and 'int')
