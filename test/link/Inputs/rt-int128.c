/* 128-bit division, remainder and conversions through the runtime's
 * __udivti3 family (cfree's rt or libgcc): prints operands and results in
 * hex for an independent check (rt-int128.py) or a gcc differential. */
#include <stdio.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

u128 __udivti3(u128, u128);
u128 __umodti3(u128, u128);
i128 __divti3(i128, i128);
i128 __modti3(i128, i128);
double __floattidf(i128);
double __floatuntidf(u128);
float __floattisf(i128);
float __floatuntisf(u128);
long double __floattixf(i128);
long double __floatuntixf(u128);
i128 __fixdfti(double);
u128 __fixunsdfti(double);
i128 __fixxfti(long double);
u128 __fixunsxfti(long double);
i128 __fixsfti(float);

static unsigned long long state = 0x9e3779b97f4a7c15ULL;
static unsigned long long next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

/* Built at run time: 128-bit constant expressions are avoided on purpose. */
static u128 ones(void) {
  volatile unsigned long long m = ~0ULL;
  return ((u128)m << 64) | m;
}

/* A value with a random number of significant bits (edge cases included). */
static u128 operand(void) {
  unsigned k = next() % 130;
  u128 v = ((u128)next() << 64) | next();
  if (k == 129) return ones();
  if (k == 128) return (u128)1 << (next() % 128);
  return k == 0 ? 1 : v >> (128 - k);
}

static void hex(u128 v) { printf("%016llx%016llx", (unsigned long long)(v >> 64), (unsigned long long)v); }

int main(void) {
  for (int i = 0; i < 400; i++) {
    u128 a = operand(), b = operand();
    if (b == 0) b = 3;
    printf("u ");
    hex(a); printf(" "); hex(b); printf(" "); hex(__udivti3(a, b)); printf(" "); hex(__umodti3(a, b));
    printf("\n");
    i128 sa = (i128)a, sb = (i128)b;
    if (sa == (i128)(ones() ^ (ones() >> 1)) && sb == -1) sb = 7;
    printf("s ");
    hex((u128)sa); printf(" "); hex((u128)sb); printf(" "); hex((u128)__divti3(sa, sb)); printf(" ");
    hex((u128)__modti3(sa, sb));
    printf("\n");
    /* Conversions: %a prints the exact binary value. */
    printf("f "); hex(a); printf(" %a %a %a %a\n", __floatuntidf(a), __floattidf(sa), (double)__floatuntisf(a), (double)__floattisf(sa));
    printf("x "); hex(a); printf(" %La %La\n", __floatuntixf(a), __floattixf(sa));
    double d = __floattidf(sa);
    if (d > -1.7e38 && d < 1.7e38) { printf("d %a ", d); hex((u128)__fixdfti(d)); printf("\n"); }
    if (d >= 0 && d < 3.4e38) { printf("du %a ", d); hex(__fixunsdfti(d)); printf("\n"); }
    long double x = __floattixf(sa) / 3;
    printf("xf %La ", x); hex((u128)__fixxfti(x)); printf(" "); hex(x >= 0 ? __fixunsxfti(x) : 0); printf("\n");
  }
  return 0;
}
