// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-too-many-args.c:10:6: error: macro "f" passed 2 arguments, but takes just 1
// CHECK-NEXT:   10 | f(1,2)
// CHECK-NEXT:      |      ^
// CHECK-NEXT:{{.*}}diag-too-many-args.c:9:9: note: macro "f" defined here
// CHECK-NEXT:    9 | #define f(a) a
// CHECK-NEXT:      |         ^
// CHECK-NEXT:exit 1
#define f(a) a
f(1,2)
