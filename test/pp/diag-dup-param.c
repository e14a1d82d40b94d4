// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-dup-param.c:6:13: error: duplicate macro parameter "a"
// CHECK-NEXT:    6 | #define f(a,a) a
// CHECK-NEXT:      |             ^
// CHECK-NEXT:exit 1
#define f(a,a) a
