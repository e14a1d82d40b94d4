// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-defined-no-ident.c:6:12: error: operator "defined" requires an identifier
// CHECK-NEXT:    6 | #if defined
// CHECK-NEXT:      |            ^
// CHECK-NEXT:exit 1
#if defined
#endif
