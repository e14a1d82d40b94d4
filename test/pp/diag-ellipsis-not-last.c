// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-ellipsis-not-last.c:6:14: error: expected ')' after "..."
// CHECK-NEXT:    6 | #define f(...,a) a
// CHECK-NEXT:      |              ^
// CHECK-NEXT:exit 1
#define f(...,a) a
