// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-stringify-trailing-backslash.c:7:1: warning: invalid string literal, ignoring final '\'
// CHECK-NEXT:    7 | s(\)
// CHECK-NEXT:      | ^
// CHECK-NEXT:exit 0
#define s(x) #x
s(\)
