// 128-bit integer constants: folding keeps all 128 bits ((__int128)1 << 100
// used to fold to 0, (unsigned __int128)-1 to 2^64-1: constants were one
// 64-bit word), in code and in static initializers.  Compared with gcc.
// REQUIRES: gcc
// RUN: %cfree cc -w -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t > %t.out
// RUN: gcc -w %s -o %t.gcc
// RUN: %t.gcc > %t.ref
// RUN: diff %t.ref %t.out
#include <stdio.h>
typedef unsigned __int128 U;
typedef __int128 S;
#define P(x) do { U v = (x); printf("%s %016lx%016lx\n", #x, (unsigned long)(v >> 64), (unsigned long)v); } while (0)
static U s1 = (U)1 << 100;
static S s2 = -((S)1 << 70) + 3;
static U s3 = ~(U)0 / 3;
int main(void) {
  P((S)1 << 100); P((U)1 << 127); P((U)-1); P((U)-16); P((S)-1); P(~(U)0); P(-(U)1);
  P((U)0xffffffffffffffffULL * 2); P(((U)1 << 64) + 5); P(((S)1 << 100) >> 90);
  P((U)((S)-5) >> 1); P((U)~0ULL + 1); P((S)((U)1 << 127) >> 3); P(~(U)0 / 7); P((S)-((S)1 << 90) % 1000);
  P(s1); P(s2); P(s3);
  P((U)(((U)1 << 64) > 5)); P((U)((S)-1 < 0)); P((U)(~(U)0 > 0)); P((U)!((U)1 << 64));
  P((U)1e30); P((U)(S)-1e20);
  printf("%g %g\n", (double)((U)1 << 100), (double)-((S)1 << 80));
  int n = 100;
  P((U)1 << n);
  return 0;
}
