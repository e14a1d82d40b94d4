// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
typedef int T = 3;
// CHECK: typedef-init.c:2:1: error: typedef 'T' is initialized (use '__typeof__' instead)
