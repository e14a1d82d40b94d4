// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-invalid-suffix-in-if.c:6:5: error: invalid suffix "x" on integer constant
// CHECK-NEXT:    6 | #if 1x
// CHECK-NEXT:      |     ^
// CHECK-NEXT:exit 1
#if 1x
#endif
