// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-redefined.c:10:9: warning: "A" redefined
// CHECK-NEXT:   10 | #define A 2
// CHECK-NEXT:      |         ^
// CHECK-NEXT:{{.*}}diag-redefined.c:9:9: note: this is the location of the previous definition
// CHECK-NEXT:    9 | #define A 1
// CHECK-NEXT:      |         ^
// CHECK-NEXT:exit 0
#define A 1
#define A 2
