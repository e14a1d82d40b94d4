// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-bad-paste.c:7:5: error: pasting "." and "+" does not give a valid preprocessing token
// CHECK-NEXT:    7 | cat(., +)
// CHECK-NEXT:      |     ^
// CHECK-NEXT:exit 1
#define cat(a,b) a##b
cat(., +)
