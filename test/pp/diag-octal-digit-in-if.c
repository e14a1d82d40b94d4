// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-octal-digit-in-if.c:6:5: error: invalid digit "9" in octal constant
// CHECK-NEXT:    6 | #if 09
// CHECK-NEXT:      |     ^
// CHECK-NEXT:exit 1
#if 09
#endif
