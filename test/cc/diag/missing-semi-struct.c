// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int a }
;
// CHECK: missing-semi-struct.c:2:18: error: expected ';' before '}' token
