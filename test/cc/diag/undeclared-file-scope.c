// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int a = b;
// CHECK: undeclared-file-scope.c:2:9: error: 'b' undeclared here (not in a function)
