// GCC vector types across the SysV call boundary, both directions: every
// x86-64 class a vector can have (4-byte INTEGER, 8-byte SSE, 16-byte
// SSE+SSEUP in one XMM register, one-element float vectors and 32-byte
// vectors in memory / returned through sret), vectors inside records, more
// vector arguments than XMM registers (the rest on the stack), and variadic
// calls with va_arg of vectors.  The file is the callee with -DCALLEE and the
// caller otherwise; caller and callee built by gcc and cfree in each mix must
// print what the all-gcc build prints.
// REQUIRES: gcc
// RUN: gcc -w -Wno-psabi -DCALLEE -c %s -o %t.callee_gcc.o
// RUN: gcc -w -Wno-psabi -c %s -o %t.caller_gcc.o
// RUN: %cfree cc -DCALLEE -c %s -o %t.callee_cf.o
// RUN: %cfree cc -c %s -o %t.caller_cf.o
// RUN: gcc %t.caller_gcc.o %t.callee_gcc.o -o %t.ref && %t.ref > %t.ref.txt
// RUN: gcc %t.caller_cf.o %t.callee_gcc.o -o %t.1 && %t.1 > %t.1.txt && diff %t.ref.txt %t.1.txt
// RUN: gcc %t.caller_gcc.o %t.callee_cf.o -o %t.2 && %t.2 > %t.2.txt && diff %t.ref.txt %t.2.txt
// RUN: FileCheck %s < %t.1.txt
// CHECK: int4 251 1 2 3
// CHECK: sret32 -1 -2 -3 -4 -5 -6 -7 -8
// CHECK: late 54326
// CHECK: va 4 1210
#include <stdarg.h>
#include <stdio.h>

typedef unsigned char v4qu __attribute__((vector_size(4)));
typedef signed char v8qi __attribute__((vector_size(8)));
typedef float v2sf __attribute__((vector_size(8)));
typedef int v2si __attribute__((vector_size(8)));
typedef int v4si __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));
typedef double v2df __attribute__((vector_size(16)));
typedef char v16qi __attribute__((vector_size(16)));
typedef int v8si __attribute__((vector_size(32)));
typedef double v1df __attribute__((vector_size(8)));
typedef float v1sf __attribute__((vector_size(4)));
typedef long v1di __attribute__((vector_size(8)));

struct sv { v2df a; };
struct sq { v4qu x; int y; };
struct s2 { v2sf a, b; };

v4qu f_int4(v4qu a, int x, v4qu b);
v8qi f_v8(v8qi a, double d, v8qi b);
v2sf f_v2sf(float x, v2sf a, v2sf b);
v2si f_v2si(v2si a, long n);
v4si f_v4si(v4si a, v4si b, int k);
v2df f_v2df(v2df a, double k, v2df b);
v16qi f_v16(int pad, v16qi a);
v8si f_v8si(v8si a, int k, v8si b);
v1df f_v1df(v1df a, v1sf b);
v1di f_v1di(v1di a);
struct sv f_sv(struct sv s, struct sq q);
struct s2 f_s2(struct s2 s);
int f_late(int a, int b, int c, int d, int e, int f, long on_stack, v8si v, v2df after);
double f_many(v4sf a, v4sf b, v4sf c, v4sf d, v4sf e, v4sf f, v4sf g, v4sf h, v4sf i, double x, v4sf j);
int f_va(int n, ...);

#ifdef CALLEE
v4qu f_int4(v4qu a, int x, v4qu b) { return a + b + (unsigned char)x; }
v8qi f_v8(v8qi a, double d, v8qi b) { return a * b + (signed char)d; }
v2sf f_v2sf(float x, v2sf a, v2sf b) { return a * x - b; }
v2si f_v2si(v2si a, long n) { return a << (int)n; }
v4si f_v4si(v4si a, v4si b, int k) { return (a - b) * k; }
v2df f_v2df(v2df a, double k, v2df b) { return a / k + b; }
v16qi f_v16(int pad, v16qi a) { return a + (char)pad; }
v8si f_v8si(v8si a, int k, v8si b) { return a * k - b; }
v1df f_v1df(v1df a, v1sf b) { return a + (double)b[0]; }
v1di f_v1di(v1di a) { return a * 3; }
struct sv f_sv(struct sv s, struct sq q) {
  s.a = s.a * 2 + q.y + q.x[3];
  return s;
}
struct s2 f_s2(struct s2 s) {
  struct s2 r = {s.b, s.a};
  return r;
}
int f_late(int a, int b, int c, int d, int e, int f, long on_stack, v8si v, v2df after) {
  return a + b + c + d + e + f + (int)on_stack * 10 + v[0] * 100 + v[7] * 1000 + (int)after[1] * 10000;
}
double f_many(v4sf a, v4sf b, v4sf c, v4sf d, v4sf e, v4sf f, v4sf g, v4sf h, v4sf i, double x, v4sf j) {
  v4sf s = a + b + c + d + e + f + g + h + i + j;
  return s[0] + s[1] * 10 + s[2] * 100 + s[3] * 1000 + x;
}
int f_va(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++) {
    if (i % 2 == 0) {
      v4si v = va_arg(ap, v4si);
      s += v[0] + v[1] + v[2] + v[3];
    } else {
      v2df v = va_arg(ap, v2df);
      s += (int)(v[0] + v[1]);
    }
  }
  va_end(ap);
  return s;
}
#else
int main(void) {
  v4qu i4 = f_int4((v4qu){200, 0, 1, 2}, 1, (v4qu){50, 0, 0, 0});
  printf("int4 %d %d %d %d\n", i4[0], i4[1], i4[2], i4[3]);
  v8qi q8 = f_v8((v8qi){1, 2, 3, 4, 5, 6, 7, -8}, 3.0, (v8qi){2, 2, 2, 2, 2, 2, 2, 100});
  printf("v8");
  for (int i = 0; i < 8; i++) printf(" %d", q8[i]);
  printf("\n");
  v2sf f2 = f_v2sf(2.0f, (v2sf){1.5f, -3.0f}, (v2sf){0.5f, 1.0f});
  printf("v2sf %g %g\n", f2[0], f2[1]);
  v2si i2 = f_v2si((v2si){1, -3}, 4);
  printf("v2si %d %d\n", i2[0], i2[1]);
  v4si i4b = f_v4si((v4si){10, 20, 30, 40}, (v4si){1, 2, 3, 4}, -2);
  printf("v4si %d %d %d %d\n", i4b[0], i4b[1], i4b[2], i4b[3]);
  v2df d2 = f_v2df((v2df){3.0, -9.0}, 3.0, (v2df){0.25, 0.5});
  printf("v2df %g %g\n", d2[0], d2[1]);
  v16qi c16 = f_v16(5, (v16qi){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 120});
  printf("v16");
  for (int i = 0; i < 16; i++) printf(" %d", c16[i]);
  printf("\n");
  v8si e8 = f_v8si((v8si){1, 2, 3, 4, 5, 6, 7, 8}, -2, (v8si){1, 2, 3, 4, 5, 6, 7, 8});
  printf("v8si");
  for (int i = 0; i < 8; i++) printf(" %d", e8[i]);
  printf("\n");
  v8si s32 = f_v8si((v8si){0}, 0, (v8si){1, 2, 3, 4, 5, 6, 7, 8});
  printf("sret32");
  for (int i = 0; i < 8; i++) printf(" %d", s32[i]);
  printf("\n");
  v1df o = f_v1df((v1df){1.25}, (v1sf){2.5f});
  printf("v1df %g\n", o[0]);
  v1di l1 = f_v1di((v1di){-7});
  printf("v1di %ld\n", l1[0]);
  struct sq q = {{1, 2, 3, 4}, 100};
  struct sv s = f_sv((struct sv){{1.0, 2.0}}, q);
  printf("sv %g %g\n", s.a[0], s.a[1]);
  struct s2 t = f_s2((struct s2){{1, 2}, {3, 4}});
  printf("s2 %g %g %g %g\n", t.a[0], t.a[1], t.b[0], t.b[1]);
  v4sf one = {1, 2, 3, 4};
  printf("many %g\n", f_many(one, one, one, one, one, one, one, one, one, 0.5, (v4sf){5, 6, 7, 8}));
  // A 32-byte vector in memory after an 8-byte stack argument: aligned to 32.
  printf("late %d\n", f_late(1, 1, 1, 1, 1, 1, 2, (v8si){3, 0, 0, 0, 0, 0, 0, 4}, (v2df){0, 5}));
  printf("va %d %d\n", 4, f_va(4, (v4si){1, 2, 3, 4}, (v2df){100.0, 200.0}, (v4si){10, 20, 30, 40}, (v2df){300.0, 500.0}));
  return 0;
}
#endif
