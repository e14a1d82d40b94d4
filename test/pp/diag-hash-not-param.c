// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-hash-not-param.c:6:14: error: '#' is not followed by a macro parameter
// CHECK-NEXT:    6 | #define s(x) #y
// CHECK-NEXT:      |              ^
// CHECK-NEXT:exit 1
#define s(x) #y
