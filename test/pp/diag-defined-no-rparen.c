// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-defined-no-rparen.c:6:14: error: missing ')' after "defined"
// CHECK-NEXT:    6 | #if defined(X
// CHECK-NEXT:      |              ^
// CHECK-NEXT:exit 1
#if defined(X
#endif
