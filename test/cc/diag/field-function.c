// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct T { int f(void); };
// CHECK: field-function.c:2:16: error: field 'f' declared as a function
