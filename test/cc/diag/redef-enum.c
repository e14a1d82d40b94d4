// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
enum E { A };
enum E { B };
// CHECK: redef-enum.c:3:6: error: redeclaration of 'enum E'
