// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-invalid-directive.c:6:2: error: invalid preprocessing directive #foo
// CHECK-NEXT:    6 | #foo bar
// CHECK-NEXT:      |  ^~~
// CHECK-NEXT:exit 1
#foo bar
