// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
union U { int a; };
union U { int b; };
// CHECK: redef-union.c:3:7: error: redefinition of 'union U'
