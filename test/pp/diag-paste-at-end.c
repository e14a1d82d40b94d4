// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-paste-at-end.c:6:9: error: '##' cannot appear at either end of a macro expansion
// CHECK-NEXT:    6 | #define p x ##
// CHECK-NEXT:      |         ^
// CHECK-NEXT:exit 1
#define p x ##
