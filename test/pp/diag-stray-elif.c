// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-stray-elif.c:6:2: error: #elif without #if
// CHECK-NEXT:    6 | #elif 1
// CHECK-NEXT:      |  ^~~~
// CHECK-NEXT:exit 1
#elif 1
