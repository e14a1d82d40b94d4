// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-unterminated-args.c:7:5: error: unterminated argument list invoking macro "f"
// CHECK-NEXT:    7 | f(1,
// CHECK-NEXT:      |     ^
// CHECK-NEXT:exit 1
#define f(a) a
f(1,
