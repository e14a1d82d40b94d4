// A record with variably modified members is a variable-sized object.
// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error
void f(int m) {
  struct S { int a[m]; } s = {0};
}
// CHECK: vm-struct-init.c:4:10: error: variable-sized object may not be initialized
