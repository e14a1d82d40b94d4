// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(int a) {
  return a.x;
}
// CHECK: member-non-struct.c:3:11: error: request for member 'x' in something not a structure or union
