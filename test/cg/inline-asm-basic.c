// Extended asm reaches the assembler in the cfree binary itself (it was once
// bound weakly and silently dropped): an empty template still moves a
// matched input to its output, and real instructions run, through
// `cfree cc` and through `cfree run`.
// RUN: %cfree cc %s -o %t && %t | FileCheck %s
// RUN: %cfree run %s | FileCheck %s
// CHECK: empty-template 0
// CHECK: add 42
// CHECK: rw 11
// CHECK: named 7
#include <stdio.h>

int main(void) {
  int l = 5, a = 40, b = 2, x = 10, y;
  asm("" : "=r"(l) : "0"(0));
  printf("empty-template %d\n", l);
  asm("addl %2, %0" : "=r"(a) : "0"(a), "r"(b));
  printf("add %d\n", a);
  asm volatile("incl %0" : "+r"(x));
  printf("rw %d\n", x);
  asm("movl %[in], %[out]" : [out] "=r"(y) : [in] "r"(7));
  printf("named %d\n", y);
  return 0;
}
