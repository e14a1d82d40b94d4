// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
int f(struct S s) {
  return s;
}
// CHECK: return-int-struct.c:4:10: error: incompatible types when returning type 'struct S' but 'int' was expected
