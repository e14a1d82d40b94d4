// va_arg of an empty struct (GNU) consumes nothing from the overflow area;
// it used to skip 8 bytes, so every later stack-passed argument was read
// from the wrong place (torture va-arg-22).  The variadic callee is compiled
// by cfree, the caller by gcc, and the output compared with gcc's.
// REQUIRES: gcc
// RUN: %cfree cc -w -DCALLEE -c %s -o %t.callee.o
// RUN: gcc -w -c %s -o %t.caller.o
// RUN: gcc %t.caller.o %t.callee.o -o %t
// RUN: %t > %t.out
// RUN: gcc -w -DCALLEE -c %s -o %t.gcallee.o
// RUN: gcc %t.caller.o %t.gcallee.o -o %t.gcc
// RUN: %t.gcc > %t.ref
// RUN: diff %t.ref %t.out
#include <stdarg.h>
#include <stdio.h>
#define D(N) typedef struct { char x[N]; } A##N;
D(0) D(1) D(3) D(5) D(7) D(9) D(12) D(15) D(16)
void foo(int size, ...);
#ifdef CALLEE
void foo (int size, ...) {
  va_list ap; va_start(ap, size);
#define G(N) { A##N a = va_arg(ap, A##N); for (int i = 0; i < N; i++) printf("%d ", a.x[i]); printf("| "); }
  G(0) G(1) G(3) G(5) G(7) G(9) G(12) G(15) G(16)
  printf("\n");
  va_end(ap);
}
#else
int main(void) {
#define I(N) A##N a##N; for (int i = 0; i < N; i++) a##N.x[i] = i + N * 10;
  I(0) I(1) I(3) I(5) I(7) I(9) I(12) I(15) I(16)
  foo(9, a0, a1, a3, a5, a7, a9, a12, a15, a16);
  return 0;
}
#endif
