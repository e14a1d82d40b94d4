// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-ifdef-no-name.c:6:7: error: no macro name given in #ifdef directive
// CHECK-NEXT:    6 | #ifdef
// CHECK-NEXT:      |       ^
// CHECK-NEXT:exit 1
#ifdef
#endif
