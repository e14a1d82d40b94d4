// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-unterminated-ifdef.c:6:2: error: unterminated #ifdef
// CHECK-NEXT:    6 | #ifdef X
// CHECK-NEXT:      |  ^
// CHECK-NEXT:exit 1
#ifdef X
int a;
