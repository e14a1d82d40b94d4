// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-extra-tokens-endif.c:7:8: warning: extra tokens at end of #endif directive [-Wendif-labels]
// CHECK-NEXT:    7 | #endif junk
// CHECK-NEXT:      |        ^~~~
// CHECK-NEXT:exit 0
#if 1
#endif junk
