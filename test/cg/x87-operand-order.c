// long double (x87) subtraction, division and the >= 2^63 unsigned conversion:
// operand order.  The encoder uses GNU as's AT&T naming, where FSUBP st1,st0
// computes st0 - st1; the CG emitted it for a - b (so 7.0L - 2.0L gave -5 and
// SQLite's printf digit loop produced garbage).  Compiled by cfree, linked and run
// by gcc, and the printed results compared with the same file built by gcc.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t > %t.out
// RUN: gcc -w %s -o %t.gcc
// RUN: %t.gcc > %t.ref
// RUN: diff %t.ref %t.out
#include <stdio.h>

__attribute__((noinline)) long double sub(long double a, long double b) { return a - b; }
__attribute__((noinline)) long double dv(long double a, long double b) { return a / b; }
__attribute__((noinline)) long double sub_assign(long double a, long double b) { a -= b; return a; }
__attribute__((noinline)) long double div_assign(long double a, long double b) { a /= b; return a; }
__attribute__((noinline)) long double rsub(long double a) { return 1.0L - a; }
__attribute__((noinline)) long double rdiv(long double a) { return 1.0L / a; }
__attribute__((noinline)) unsigned long to_u64(long double x) { return (unsigned long)x; }
// SQLite's et_getdigit (printf %f/%g digit generation).
__attribute__((noinline)) char getdigit(long double* val, int* cnt) {
  if (*cnt <= 0) return '0';
  (*cnt)--;
  int digit = (int)*val;
  long double d = digit;
  digit += '0';
  *val = (*val - d) * 10.0;
  return (char)digit;
}

int main(void) {
  int bad = 0;
  long double r1 = sub(7, 2), r2 = dv(8, 2), r3 = sub_assign(7, 2), r4 = div_assign(8, 2);
  long double r5 = rsub(4), r6 = rdiv(4);
  unsigned long u1 = to_u64(18446744073709549568.0L), u2 = to_u64(9223372036854775808.0L), u3 = to_u64(12345.0L);
  printf("%Lg %Lg %Lg %Lg %Lg %Lg %lu %lu %lu\n", r1, r2, r3, r4, r5, r6, u1, u2, u3);
  bad |= r1 != 5 || r2 != 4 || r3 != 5 || r4 != 4 || r5 != -3 || r6 != 0.25L;
  bad |= u1 != 18446744073709549568ul || u2 != 9223372036854775808ul || u3 != 12345;
  long double v = 6.250625L;
  int cnt = 8;
  char buf[9] = {0};
  for (int i = 0; i < 8; i++) buf[i] = getdigit(&v, &cnt);
  printf("%s\n", buf);
  for (int i = 0; i < 8; i++) bad |= buf[i] < '0' || buf[i] > '9';
  bad |= buf[0] != '6' || buf[1] != '2' || buf[2] != '5';
  if (bad) printf("FAIL\n");
  return bad;
}
