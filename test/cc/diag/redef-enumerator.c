// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
enum E { A, A };
// CHECK: redef-enumerator.c:2:13: error: redeclaration of enumerator 'A'
