// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-define-defined.c:6:9: error: "defined" cannot be used as a macro name
// CHECK-NEXT:    6 | #define defined 1
// CHECK-NEXT:      |         ^~~~~~~
// CHECK-NEXT:exit 1
#define defined 1
