// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-stray-endif.c:7:2: error: #endif without #if
// CHECK-NEXT:    7 | #endif
// CHECK-NEXT:      |  ^~~~~
// CHECK-NEXT:exit 1
int a;
#endif
