// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
void f(struct S s) {
  s = 1;
}
// CHECK: assign-struct-int.c:4:7: error: incompatible types when assigning to type 'struct S' from type 'int'
