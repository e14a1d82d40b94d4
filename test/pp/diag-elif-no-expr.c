// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-elif-no-expr.c:7:6: error: #elif with no expression
// CHECK-NEXT:    7 | #elif
// CHECK-NEXT:      |      ^
// CHECK-NEXT:exit 1
#if 0
#elif
#endif
