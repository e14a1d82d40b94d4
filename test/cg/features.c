// Differential end-to-end test of the x86-64 backend: every feature below is
// printed by the program, and the output of the cfree-compiled object must
// equal the gcc-compiled program's.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o && gcc %t.o -o %t.cfree -lm && %t.cfree > %t.out1
// RUN: gcc -w %s -o %t.gcc -lm && %t.gcc > %t.out2
// RUN: diff %t.out1 %t.out2
// RUN: %cfree cc -fPIC -c %s -o %t.pic.o && gcc -shared %t.pic.o -o %t.so
// RUN: %cfree cc -fno-pic -c %s -o %t.nopic.o && gcc -no-pie %t.nopic.o -o %t.nopie -lm && %t.nopie > %t.out3
// RUN: diff %t.out3 %t.out2
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sw(int x) {
  switch (x) {
    case -3: return 10;
    case 0: return 11;
    case 1: return 12;
    case 2: return 13;
    case 3: return 14;
    case 5: return 15;
    case 7: return 16;
    case 100000: return 17;
    default: return -1;
  }
}

static int sw_dense(unsigned char c) {
  switch (c) {
    case 'a': return 1; case 'b': return 2; case 'c': return 3; case 'd': return 4;
    case 'e': return 5; case 'f': return 6; case 'g': return 7; case 'h': return 8;
    case 200: return 9;
    default: return 0;
  }
}

static long sw64(long long x) {
  switch (x) {
    case 0x100000000LL: return 1;
    case -0x100000000LL: return 2;
    case 42: return 3;
    default: return 0;
  }
}

struct S3 { char a, b, c; };
struct Mixed { double d; int i; };
struct Big { long a[5]; };

static struct S3 mk3(char a) { struct S3 s = {a, (char)(a + 1), (char)(a + 2)}; return s; }
static struct Mixed mkm(double d, int i) { struct Mixed m = {d, i}; return m; }
static struct Big mkbig(long x) { struct Big b; for (int i = 0; i < 5; i++) b.a[i] = x * i; return b; }

static double vsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  for (int i = 0; i < n; i++) {
    int kind = va_arg(ap, int);
    if (kind == 0) s += va_arg(ap, int);
    else if (kind == 1) s += va_arg(ap, double);
    else if (kind == 2) s += (double)va_arg(ap, long double);
    else if (kind == 3) { struct Mixed m = va_arg(ap, struct Mixed); s += m.d + m.i; }
    else if (kind == 4) { struct Big b = va_arg(ap, struct Big); s += b.a[4]; }
    else { struct S3 t = va_arg(ap, struct S3); s += t.a + t.b + t.c; }
  }
  va_end(ap);
  return s;
}

struct BF { unsigned a : 3; int b : 5; unsigned c : 12; long d : 33; };

static __thread int tls_counter = 5;
static int (*fptr)(int) = sw;
static jmp_buf jb;

static void jump_back(int v) { longjmp(jb, v); }

static int vla_sum(int n) {
  int a[n];
  for (int i = 0; i < n; i++) a[i] = i * i;
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

int main(void) {
  for (int i = -4; i < 9; i++) printf("sw %d %d\n", i, sw(i));
  printf("sw %d\n", sw(100000));
  for (int c = 'Z'; c < 'k'; c++) printf("%d", sw_dense((unsigned char)c));
  printf(" %d\n", sw_dense(200));
  printf("sw64 %ld %ld %ld %ld\n", sw64(0x100000000LL), sw64(-0x100000000LL), sw64(42), sw64(43));

  // Integer arithmetic edge cases.
  int m = INT_MIN;
  unsigned u = 0xfffffff0u;
  long long ll = -5;
  printf("%d %d %u %u %lld %lld\n", m / 2, -7 / 2, u / 3, u % 7, ll >> 1, (long long)((unsigned long long)ll >> 60));
  signed char sc = -100; unsigned char uc = 200; short sh = -30000; unsigned short us = 60000;
  printf("%d %d %d %d %d\n", sc + uc, sc * 2, (signed char)(sc - 100), sh + us, (short)(us * 3));
  printf("%d %d\n", (int)(sc < uc), (int)((unsigned)sh > 5u));

  // Floating point and conversions.
  double d = 3.75; float f = -2.5f; long double ld = 1.0L / 3.0L;
  unsigned long long big = 18446744073709551615ULL;
  printf("%.17g %.9g %.20Lg\n", d * f, f / 3.0f, ld * 3.0L);
  printf("%llu %llu %lld\n", (unsigned long long)1e19, (unsigned long long)(double)(big >> 1), (long long)-1e18);
  printf("%.17g %.17g %.9g\n", (double)big, (double)(long long)-3, (float)(unsigned)4000000000u);
  printf("%d %d %d %d\n", d > f, d != d, f <= -2.5f, ld > 0.3L);
  double nan = 0.0 / 0.0;
  printf("nan %d %d %d %d\n", nan == nan, nan != nan, nan < 1.0, !(nan >= 1.0));
  printf("ld %.10Lg %.10Lg %lld\n", (long double)big, -ld, (long long)(ld * 1e10L));

  // Aggregates through calls.
  struct S3 s3 = mk3('x');
  struct Mixed mx = mkm(1.5, 7);
  struct Big bg = mkbig(3);
  printf("%c%c%c %g %d %ld\n", s3.a, s3.b, s3.c, mx.d, mx.i, bg.a[4]);
  struct Big copy = bg;
  copy.a[0] = 99;
  printf("%ld %ld\n", bg.a[0], copy.a[0]);

  // Varargs of every kind.
  printf("vsum %g\n", vsum(6, 0, 5, 1, 2.25, 2, (long double)4.5, 3, mx, 4, bg, 5, s3));

  // Bit-fields.
  struct BF bf = {5, -7, 4000, -4000000000L};
  bf.a += 4; bf.b -= 10; bf.c |= 0x800;
  printf("bf %u %d %u %ld\n", bf.a, bf.b, bf.c, (long)bf.d);

  // Thread-local storage, function pointers, setjmp/longjmp, VLAs, alloca.
  tls_counter += 10;
  printf("tls %d fptr %d\n", tls_counter, fptr(5));
  int r = setjmp(jb);
  if (r == 0) jump_back(42);
  printf("longjmp %d\n", r);
  printf("vla %d\n", vla_sum(100));
  char* p = __builtin_alloca(64);
  memset(p, 'q', 63); p[63] = 0;
  printf("alloca %zu\n", strlen(p));

  // Atomics.
  int at = 5;
  int old = __atomic_fetch_add(&at, 3, __ATOMIC_SEQ_CST);
  int exp = 8;
  int ok = __atomic_compare_exchange_n(&at, &exp, 20, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  int exp2 = 1;
  int ok2 = __atomic_compare_exchange_n(&at, &exp2, 30, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  int xc = __atomic_exchange_n(&at, 1, __ATOMIC_SEQ_CST);
  printf("atomic %d %d %d %d %d %d\n", old, ok, at, ok2, exp2, xc);
  int fa = __atomic_fetch_sub(&at, 6, __ATOMIC_SEQ_CST);
  printf("fetch_sub %d %d\n", fa, at);

  // Builtins.
  printf("bits %d %d %d %d %d\n", __builtin_clz(1u), __builtin_ctzll(1ULL << 40), __builtin_popcount(0xf0f0u),
         __builtin_parityl(7), __builtin_ffs(0x80));
  printf("bswap %x %llx\n", __builtin_bswap32(0x11223344u), (unsigned long long)__builtin_bswap64(0x0102030405060708ULL));
  int ov;
  printf("ovf %d %d\n", __builtin_add_overflow(INT_MAX, 1, &ov), __builtin_mul_overflow(1000, 1000, &ov));

  // __int128.
  __int128 one128 = 1;
  int sh100 = 100;
  __int128 a128 = one128 << sh100;
  __int128 b128 = a128 - 12345;
  unsigned __int128 c128 = (unsigned __int128)-1;
  printf("i128 %d %d %llx %llx\n", a128 > b128, b128 < 0, (unsigned long long)(b128 >> 64), (unsigned long long)c128);
  return 0;
}
