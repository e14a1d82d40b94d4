// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
auto int x;
// CHECK: auto-file-scope.c:2:10: error: file-scope declaration of 'x' specifies 'auto'
