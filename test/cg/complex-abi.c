// _Complex across the SysV call boundary, both directions: complex float
// (one SSE eightbyte: both parts in one XMM register), complex double (two
// SSE eightbytes), complex long double (COMPLEX_X87: memory when passed,
// st0/st1 when returned), GNU integer complex of 1, 2, 4 and 8 bytes
// (INTEGER), complex inside records, more complex arguments than XMM
// registers (the rest on the stack), mixed with scalars, and variadic calls
// with va_arg of each complex type.  The file is the callee with -DCALLEE
// and the caller otherwise; each mix of gcc and cfree objects must print
// what the all-gcc build prints.
// REQUIRES: gcc
// RUN: gcc -w -DCALLEE -c %s -o %t.callee_gcc.o
// RUN: gcc -w -c %s -o %t.caller_gcc.o
// RUN: %cfree cc -DCALLEE -c %s -o %t.callee_cf.o
// RUN: %cfree cc -c %s -o %t.caller_cf.o
// RUN: gcc %t.caller_gcc.o %t.callee_gcc.o -o %t.ref && %t.ref > %t.ref.txt
// RUN: gcc %t.caller_cf.o %t.callee_gcc.o -o %t.1 && %t.1 > %t.1.txt && diff %t.ref.txt %t.1.txt
// RUN: gcc %t.caller_gcc.o %t.callee_cf.o -o %t.2 && %t.2 > %t.2.txt && diff %t.ref.txt %t.2.txt
// RUN: gcc %t.caller_cf.o %t.callee_cf.o -o %t.3 && %t.3 > %t.3.txt && diff %t.ref.txt %t.3.txt
// RUN: FileCheck %s < %t.1.txt
// CHECK: cf 4 -6
// CHECK: cd 7.5 -1.5
// CHECK: cld 9 11
// CHECK: cc 3 -4
// CHECK: cs 300 -400
// CHECK: ci 70000 -80000
// CHECK: cl 5000000000 -6000000000
// CHECK: mixed 1 2.5 3 4 5 6 7 8 9 10 11 12
// CHECK: many 45 -45
// CHECK: rec 1 2 3 4 5
// CHECK: va 6 1 2 3 4 5 6 7 8 9 10 11 12
#include <stdarg.h>
#include <stdio.h>

typedef _Complex float cf;
typedef _Complex double cd;
typedef _Complex long double cld;
typedef _Complex char cc;
typedef _Complex short cs;
typedef _Complex int ci;
typedef _Complex long cl;
struct R { cf a; float b; cd c; };

cf f_cf(cf a, cf b);
cd f_cd(cd a, double x, cd b);
cld f_cld(cld a, cld b);
cc f_cc(cc a);
cs f_cs(cs a);
ci f_ci(ci a);
cl f_cl(cl a);
cd f_mixed(int i, cf a, double d, cld l, ci k, cd z, cl m);
cd f_many(cd a, cd b, cd c, cd d, cd e, cd f, cd g, cd h, cd i, cf j, cf k);
struct R f_rec(struct R r, cf extra);
double f_va(int n, ...);

#ifdef CALLEE
cf f_cf(cf a, cf b) { return a + b; }
cd f_cd(cd a, double x, cd b) { return a + x + b; }
cld f_cld(cld a, cld b) { return a + b; }
cc f_cc(cc a) { return a + 1; }
cs f_cs(cs a) { return a * 100; }
ci f_ci(ci a) { return a * 10000; }
cl f_cl(cl a) { return a * 1000000000L; }
cd f_mixed(int i, cf a, double d, cld l, ci k, cd z, cl m) {
  printf("mixed %d %g %g %g %g %Lg %Lg %d %d %g %g %ld\n", i, d, __real__ a, __imag__ a, 5.0 + 0 * d,
         __real__ l, __imag__ l, __real__ k, __imag__ k, __real__ z, __imag__ z, __real__ m + __imag__ m);
  return z;
}
cd f_many(cd a, cd b, cd c, cd d, cd e, cd f, cd g, cd h, cd i, cf j, cf k) {
  return a + b + c + d + e + f + g + h + i + j + k;
}
struct R f_rec(struct R r, cf extra) {
  r.a += extra;
  __imag__ r.c += 1;
  return r;
}
double f_va(int n, ...) {
  va_list ap;
  va_start(ap, n);
  cf a = va_arg(ap, cf);
  cd b = va_arg(ap, cd);
  cld c = va_arg(ap, cld);
  ci d = va_arg(ap, ci);
  cl e = va_arg(ap, cl);
  cs f = va_arg(ap, cs);
  va_end(ap);
  printf("va %d %g %g %g %g %Lg %Lg %d %d %ld %ld %d %d\n", n, __real__ a, __imag__ a, __real__ b, __imag__ b,
         __real__ c, __imag__ c, __real__ d, __imag__ d, __real__ e, __imag__ e, __real__ f, __imag__ f);
  return __real__ b;
}
#else
int main(void) {
  cf x = f_cf(1.0f - 2.0fi, 3.0f - 4.0fi);
  printf("cf %g %g\n", __real__ x, __imag__ x);
  cd y = f_cd(2.5 + 0.5i, 1.0, 4.0 - 2.0i);
  printf("cd %g %g\n", __real__ y, __imag__ y);
  cld z = f_cld(4.0L + 5.0Li, 5.0L + 6.0Li);
  printf("cld %Lg %Lg\n", __real__ z, __imag__ z);
  cc c = f_cc(2 - 4i);
  printf("cc %d %d\n", __real__ c, __imag__ c);
  cs s = f_cs(3 - 4i);
  printf("cs %d %d\n", __real__ s, __imag__ s);
  ci k = f_ci(7 - 8i);
  printf("ci %d %d\n", __real__ k, __imag__ k);
  cl m = f_cl(5 - 6i);
  printf("cl %ld %ld\n", __real__ m, __imag__ m);
  cd r = f_mixed(1, 3.0f + 4.0fi, 2.5, 6.0L + 7.0Li, 8 + 9i, 10.0 + 11.0i, 5 + 7i);
  (void)r;
  cd t = f_many(1 - 1i, 2 - 2i, 3 - 3i, 4 - 4i, 5 - 5i, 6 - 6i, 7 - 7i, 8 - 8i, 6 - 6i, 1.5f - 1.5fi, 1.5f - 1.5fi);
  printf("many %g %g\n", __real__ t, __imag__ t);
  struct R rr = {1.0f + 1.0fi, 3.0f, 4.0 + 4.0i};
  rr = f_rec(rr, 0.0f + 1.0fi);
  printf("rec %g %g %g %g %g\n", __real__ rr.a, __imag__ rr.a, rr.b, __real__ rr.c, __imag__ rr.c);
  f_va(6, (cf)(1 + 2i), (cd)(3 + 4i), (cld)(5 + 6i), (ci)(7 + 8i), (cl)(9 + 10i), (cs)(11 + 12i));
  return 0;
}
#endif
