// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-unterminated-if.c:6:2: error: unterminated #if
// CHECK-NEXT:    6 | #if 1
// CHECK-NEXT:      |  ^
// CHECK-NEXT:exit 1
#if 1
int a;
