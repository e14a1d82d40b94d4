// RUN: not %cfree cc -c %s -o /dev/null 2>&1 | FileCheck %s
void *b[5];
void f(void) {
  __builtin_longjmp(b, 2);
}
// CHECK: builtin-longjmp-value.c:4:3: error: '__builtin_longjmp' second argument must be 1
