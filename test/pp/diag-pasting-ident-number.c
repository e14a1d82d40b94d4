// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-pasting-ident-number.c:7:3: error: pasting "x" and "+" does not give a valid preprocessing token
// CHECK-NEXT:    7 | c(x,+)
// CHECK-NEXT:      |   ^
// CHECK-NEXT:exit 1
#define c(a,b) a##b
c(x,+)
