// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-include-expects.c:6:10: error: #include expects "FILENAME" or <FILENAME>
// CHECK-NEXT:    6 | #include foo
// CHECK-NEXT:      |          ^~~
// CHECK-NEXT:exit 1
#include foo
