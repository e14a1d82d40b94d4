// cfree run: main's arguments and exit status, stdout/stderr, constructors,
// destructors and atexit order, libm through -lm, function pointers in data
// (R_X86_64_RELATIVE) and libc imports (GLOB_DAT / JUMP_SLOT).
// RUN: %cfree run %s -lm -- one 7 > %t.out 2> %t.err; test $? -eq 7
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=ERR %s < %t.err
// RUN: %cfree run -DEXTRA=5 %s -lm; test $? -eq 5
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef EXTRA
#define EXTRA 0
#endif
static int counter;
__attribute__((constructor)) static void ctor(void) { counter = 41; }
__attribute__((destructor)) static void dtor(void) { printf("dtor\n"); }
static void bye(void) { printf("atexit %d\n", counter); }
int sq(int x) { return x * x; }
int (*fp)(int) = sq;
const char* names[] = {"zero", "one"};
int main(int argc, char** argv) {
  atexit(bye);
  counter++;
  // CHECK: hello 42 argc=3 one sqrt=1.414 fp=49 zero
  printf("hello %d argc=%d %s sqrt=%.3f fp=%d %s\n", counter, argc, argc > 1 ? argv[1] : "-",
         sqrt(2.0), fp(7), names[0]);
  // ERR: err bc
  fprintf(stderr, "err %s\n", strchr("abc", 'b'));
  if (EXTRA) exit(EXTRA);
  return argc > 2 ? atoi(argv[2]) : 0;
}
// CHECK-NEXT: atexit 42
// CHECK-NEXT: dtor
