// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-warning-directive.c:6:2: warning: #warning careful here [-Wcpp]
// CHECK-NEXT:    6 | #warning careful here
// CHECK-NEXT:      |  ^~~~~~~
// CHECK-NEXT:exit 0
#warning careful here
int x;
