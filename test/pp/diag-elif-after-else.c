// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-elif-after-else.c:11:2: error: #elif after #else
// CHECK-NEXT:   11 | #elif 1
// CHECK-NEXT:      |  ^~~~
// CHECK-NEXT:{{.*}}diag-elif-after-else.c:9:2: note: the conditional began here
// CHECK-NEXT:    9 | #if 1
// CHECK-NEXT:      |  ^
// CHECK-NEXT:exit 1
#if 1
#else
#elif 1
#endif
