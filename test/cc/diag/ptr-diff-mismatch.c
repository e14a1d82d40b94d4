// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
long f(int *p, char *q) {
  return p - q;
}
// CHECK: ptr-diff-mismatch.c:3:12: error: invalid operands to binary - (have 'int *' and 'char *')
