// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-colon-no-question.c:6:7: error:  ':' without preceding '?'
// CHECK-NEXT:    6 | #if 1 : 2
// CHECK-NEXT:      |       ^
// CHECK-NEXT:exit 1
#if 1 : 2
#endif
