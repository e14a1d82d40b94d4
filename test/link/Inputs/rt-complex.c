/* Self-checking: rt's complex multiply/divide (__muldc3 & co.): finite
 * products and quotients, and C11 Annex G's infinities.  Compiled by cfree the
 * routines are called by name and declared to return a struct of two parts
 * (the same registers as the complex type in the SysV ABI); with -DVIA_GCC,
 * gcc's own `*` and `/` call them (long double complex too). */
#include <stdio.h>

#ifdef VIA_GCC
typedef struct { double p[2]; } dc;
typedef struct { float p[2]; } fc;
typedef struct { long double p[2]; } xc;
#define Z(T, R, a, b, c, d, op) ({ volatile R a_ = (a), b_ = (b), c_ = (c), d_ = (d); \
  _Complex R z_ = __builtin_complex((R)a_, (R)b_) op __builtin_complex((R)c_, (R)d_); \
  T r_; r_.p[0] = __real__ z_; r_.p[1] = __imag__ z_; r_; })
#define MULD(a, b, c, d) Z(dc, double, a, b, c, d, *)
#define DIVD(a, b, c, d) Z(dc, double, a, b, c, d, /)
#define MULS(a, b, c, d) Z(fc, float, a, b, c, d, *)
#define DIVS(a, b, c, d) Z(fc, float, a, b, c, d, /)
#define MULX(a, b, c, d) Z(xc, long double, a, b, c, d, *)
#define DIVX(a, b, c, d) Z(xc, long double, a, b, c, d, /)
#else
typedef struct { double p[2]; } dc;
typedef struct { float p[2]; } fc;
dc MULD(double, double, double, double) __asm__("__muldc3");
dc DIVD(double, double, double, double) __asm__("__divdc3");
fc MULS(float, float, float, float) __asm__("__mulsc3");
fc DIVS(float, float, float, float) __asm__("__divsc3");
#endif

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

int main(void) {
  dc r;
  r = MULD(1.5, -2, 3, 0.5);  /* (1.5 - 2i)(3 + 0.5i) = 5.5 - 5.25i */
  CHECK(r.p[0] == 5.5 && r.p[1] == -5.25);
  r = DIVD(5.5, -5.25, 3, 0.5);
  CHECK(r.p[0] == 1.5 && r.p[1] == -2);
  r = DIVD(1, 0, 0, 2);       /* 1 / 2i = -0.5i */
  CHECK(r.p[0] == 0 && r.p[1] == -0.5);
  double inf = 1.0 / 0.0, nan = 0.0 / 0.0;
  r = MULD(inf, nan, 1, 1);   /* an infinite operand gives an infinite result */
  CHECK(r.p[0] == inf || r.p[0] == -inf || r.p[1] == inf || r.p[1] == -inf);
  r = DIVD(1, 1, 0, 0);       /* nonzero / 0 is infinite */
  CHECK(r.p[0] == inf && r.p[1] == inf);
  r = DIVD(1, 1, inf, nan);   /* finite / infinite is zero */
  CHECK(r.p[0] == 0 && r.p[1] == 0);
  r = DIVD(1e300, 1e300, 1e300, 1e300);  /* Smith's method does not overflow */
  CHECK(r.p[0] == 1 && r.p[1] == 0);
  fc f;
  f = MULS(2, 3, 4, 5);        /* -7 + 22i */
  CHECK(f.p[0] == -7 && f.p[1] == 22);
  f = DIVS(-7, 22, 4, 5);
  CHECK(f.p[0] == 2 && f.p[1] == 3);
#ifdef VIA_GCC
  xc x = MULX(2, 3, 4, 5);
  CHECK(x.p[0] == -7 && x.p[1] == 22);
  x = DIVX(1, 0, 3, 0);              /* 1/3 in long double precision */
  CHECK(x.p[0] == 1.0L / 3 && x.p[1] == 0);
#endif
  printf(fails ? "failed\n" : "ok\n");
  return fails != 0;
}
