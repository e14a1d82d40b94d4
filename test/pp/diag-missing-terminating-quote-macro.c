// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-missing-terminating-quote-macro.c:6:11: warning: missing terminating ' character
// CHECK-NEXT:    6 | #define Q 'x
// CHECK-NEXT:      |           ^
// CHECK-NEXT:exit 0
#define Q 'x
Q
