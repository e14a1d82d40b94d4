// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-string-in-if.c:6:5: error: token ""x"" is not valid in preprocessor expressions
// CHECK-NEXT:    6 | #if "x"
// CHECK-NEXT:      |     ^~~
// CHECK-NEXT:exit 1
#if "x"
#endif
