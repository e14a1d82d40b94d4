// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-has-include-outside.c:6:9: error: "__has_include" used outside of preprocessing directive
// CHECK-NEXT:    6 | int x = __has_include(<stddef.h>);
// CHECK-NEXT:      |         ^
// CHECK-NEXT:exit 1
int x = __has_include(<stddef.h>);
