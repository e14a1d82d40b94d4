// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-unterminated-char.c:6:9: warning: missing terminating ' character
// CHECK-NEXT:    6 | int c = 'a;
// CHECK-NEXT:      |         ^
// CHECK-NEXT:exit 0
int c = 'a;
