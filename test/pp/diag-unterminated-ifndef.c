// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-unterminated-ifndef.c:6:2: error: unterminated #ifndef
// CHECK-NEXT:    6 | #ifndef X
// CHECK-NEXT:      |  ^
// CHECK-NEXT:exit 1
#ifndef X
int a;
