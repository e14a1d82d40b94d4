// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a; };
struct S f(void) {
  return 1;
}
// CHECK: return-struct-int.c:4:10: error: incompatible types when returning type 'int' but 'struct S' was expected
