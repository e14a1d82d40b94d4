// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
register int x;
// CHECK: register-file-scope.c:2:14: error: register name not specified for 'x'
