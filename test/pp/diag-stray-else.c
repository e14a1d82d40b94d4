// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-stray-else.c:6:2: error: #else without #if
// CHECK-NEXT:    6 | #else
// CHECK-NEXT:      |  ^~~~
// CHECK-NEXT:exit 1
#else
