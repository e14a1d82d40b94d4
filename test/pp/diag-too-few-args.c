// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-too-few-args.c:10:4: error: macro "f" requires 2 arguments, but only 1 given
// CHECK-NEXT:   10 | f(1)
// CHECK-NEXT:      |    ^
// CHECK-NEXT:{{.*}}diag-too-few-args.c:9:9: note: macro "f" defined here
// CHECK-NEXT:    9 | #define f(a,b) a+b
// CHECK-NEXT:      |         ^
// CHECK-NEXT:exit 1
#define f(a,b) a+b
f(1)
