// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-multichar.c:6:5: warning: multi-character character constant [-Wmultichar]
// CHECK-NEXT:    6 | #if 'ab'
// CHECK-NEXT:      |     ^~~~
// CHECK-NEXT:exit 0
#if 'ab'
#endif
