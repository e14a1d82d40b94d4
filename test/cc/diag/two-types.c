// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int char x;
// CHECK: two-types.c:2:5: error: two or more data types in declaration specifiers
