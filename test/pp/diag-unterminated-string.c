// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-unterminated-string.c:6:11: warning: missing terminating " character
// CHECK-NEXT:    6 | char *s = "abc;
// CHECK-NEXT:      |           ^
// CHECK-NEXT:exit 0
char *s = "abc;
