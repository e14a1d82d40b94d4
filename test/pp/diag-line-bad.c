// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-line-bad.c:6:7: error: "x" after #line is not a positive integer
// CHECK-NEXT:    6 | #line x
// CHECK-NEXT:      |       ^
// CHECK-NEXT:exit 1
#line x
