// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-else-after-else.c:11:2: error: #else after #else
// CHECK-NEXT:   11 | #else
// CHECK-NEXT:      |  ^~~~
// CHECK-NEXT:{{.*}}diag-else-after-else.c:9:2: note: the conditional began here
// CHECK-NEXT:    9 | #if 0
// CHECK-NEXT:      |  ^
// CHECK-NEXT:exit 1
#if 0
#else
#else
#endif
