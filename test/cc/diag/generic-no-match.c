// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  return _Generic(1.0, int: 1, char *: 2);
}
// CHECK: generic-no-match.c:3:19: error: '_Generic' selector of type 'double' is not compatible with any association
