// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-error-directive.c:6:2: error: #error this is bad
// CHECK-NEXT:    6 | #error this is bad
// CHECK-NEXT:      |  ^~~~~
// CHECK-NEXT:exit 1
#error this is bad
