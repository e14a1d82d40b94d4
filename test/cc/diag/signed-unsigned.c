// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
signed unsigned int x;
// CHECK: signed-unsigned.c:2:8: error: both 'signed' and 'unsigned' in declaration specifiers
