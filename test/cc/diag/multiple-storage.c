// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
static extern int x;
// CHECK: multiple-storage.c:2:1: error: multiple storage classes in declaration specifiers
