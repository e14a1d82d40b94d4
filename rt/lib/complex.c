/* complex.c: complex multiplication and division (libgcc's __mulsc3,
 * __muldc3, __mulxc3, __divsc3, __divdc3, __divxc3), which compilers call for
 * `*` and `/` of two complex floating operands.
 *
 * Multiplication is the textbook (ac - bd) + (ad + bc)i with the recovery of
 * C11 Annex G.5.1 when both parts come out NaN (an infinite operand gives an
 * infinite result).  Division is Smith's algorithm (scaling by the ratio of
 * the divisor's parts) with the same Annex G recovery for zero and infinite
 * divisors.  Helpers work on the bit
 * patterns so that rt calls no libm function.
 */
#include "rt.h"

/* |x| and copysign for each type, by the sign bit. */
static double fabs_d(double x) {
  union { double d; rt_u64 u; } v = {x};
  v.u &= ~(1ULL << 63);
  return v.d;
}
static double copysign_d(double x, double y) {
  union { double d; rt_u64 u; } a = {x}, b = {y};
  a.u = (a.u & ~(1ULL << 63)) | (b.u & (1ULL << 63));
  return a.d;
}
static float copysign_f(float x, float y) { return (float)copysign_d(x, y); }

#if defined(__x86_64__) || defined(__i386__)
typedef union { long double x; struct { rt_u64 m; unsigned short se; } p; } ldbits;
static long double fabs_x(long double x) {
  ldbits v;
  v.x = x;
  v.p.se &= 0x7fff;
  return v.x;
}
static long double copysign_x(long double x, long double y) {
  ldbits a, b;
  a.x = x;
  b.x = y;
  a.p.se = (unsigned short)((a.p.se & 0x7fff) | (b.p.se & 0x8000));
  return a.x;
}
#endif

#define ISNAN(x) ((x) != (x))
#define ISINF(x) (!ISNAN(x) && ISNAN((x) - (x)))
#define ISFINITE(x) (!ISNAN((x) - (x)))

#define MULC3(name, T, CT, FABS, COPYSIGN)                                              \
  RT_API CT name(T a, T b, T c, T d) {                                                  \
    T ac = a * c, bd = b * d, ad = a * d, bc = b * c;                                   \
    T x = ac - bd, y = ad + bc;                                                         \
    if (ISNAN(x) && ISNAN(y)) {                                                         \
      int recalc = 0;                                                                   \
      if (ISINF(a) || ISINF(b)) {                                                       \
        a = COPYSIGN(ISINF(a) ? 1 : 0, a);                                              \
        b = COPYSIGN(ISINF(b) ? 1 : 0, b);                                              \
        if (ISNAN(c)) c = COPYSIGN(0, c);                                               \
        if (ISNAN(d)) d = COPYSIGN(0, d);                                               \
        recalc = 1;                                                                     \
      }                                                                                 \
      if (ISINF(c) || ISINF(d)) {                                                       \
        c = COPYSIGN(ISINF(c) ? 1 : 0, c);                                              \
        d = COPYSIGN(ISINF(d) ? 1 : 0, d);                                              \
        if (ISNAN(a)) a = COPYSIGN(0, a);                                               \
        if (ISNAN(b)) b = COPYSIGN(0, b);                                               \
        recalc = 1;                                                                     \
      }                                                                                 \
      if (!recalc && (ISINF(ac) || ISINF(bd) || ISINF(ad) || ISINF(bc))) {              \
        if (ISNAN(a)) a = COPYSIGN(0, a);                                               \
        if (ISNAN(b)) b = COPYSIGN(0, b);                                               \
        if (ISNAN(c)) c = COPYSIGN(0, c);                                               \
        if (ISNAN(d)) d = COPYSIGN(0, d);                                               \
        recalc = 1;                                                                     \
      }                                                                                 \
      if (recalc) {                                                                     \
        T inf = (T)1 / (T)0;                                                            \
        x = inf * (a * c - b * d);                                                      \
        y = inf * (a * d + b * c);                                                      \
      }                                                                                 \
    }                                                                                   \
    union { CT z; T p[2]; } r;                                                          \
    r.p[0] = x;                                                                         \
    r.p[1] = y;                                                                         \
    return r.z;                                                                         \
  }

/* T: the operand type, W: the type the division is computed in. */
#define DIVC3(name, T, W, CT, FABS, COPYSIGN)                                           \
  RT_API CT name(T a_, T b_, T c_, T d_) {                                              \
    W a = a_, b = b_, c = c_, d = d_, x, y;                                             \
    if (FABS(c) < FABS(d)) {                                                            \
      W ratio = c / d, denom = c * ratio + d;                                           \
      x = (a * ratio + b) / denom;                                                      \
      y = (b * ratio - a) / denom;                                                      \
    } else {                                                                            \
      W ratio = d / c, denom = d * ratio + c;                                           \
      x = (b * ratio + a) / denom;                                                      \
      y = (b - a * ratio) / denom;                                                      \
    }                                                                                   \
    if (ISNAN(x) && ISNAN(y)) {                                                         \
      W inf = (W)1 / (W)0;                                                              \
      if (c == 0 && d == 0 && (!ISNAN(a) || !ISNAN(b))) {                               \
        x = COPYSIGN(inf, c) * a;                                                       \
        y = COPYSIGN(inf, c) * b;                                                       \
      } else if ((ISINF(a) || ISINF(b)) && ISFINITE(c) && ISFINITE(d)) {                \
        a = COPYSIGN(ISINF(a) ? 1 : 0, a);                                              \
        b = COPYSIGN(ISINF(b) ? 1 : 0, b);                                              \
        x = inf * (a * c + b * d);                                                      \
        y = inf * (b * c - a * d);                                                      \
      } else if ((ISINF(c) || ISINF(d)) && ISFINITE(a) && ISFINITE(b)) {                \
        c = COPYSIGN(ISINF(c) ? 1 : 0, c);                                              \
        d = COPYSIGN(ISINF(d) ? 1 : 0, d);                                              \
        x = 0 * (a * c + b * d);                                                        \
        y = 0 * (b * c - a * d);                                                        \
      }                                                                                 \
    }                                                                                   \
    union { CT z; T p[2]; } r;                                                          \
    r.p[0] = (T)x;                                                                      \
    r.p[1] = (T)y;                                                                      \
    return r.z;                                                                         \
  }

MULC3(__mulsc3, float, _Complex float, fabs_f, copysign_f)
MULC3(__muldc3, double, _Complex double, fabs_d, copysign_d)
DIVC3(__divsc3, float, double, _Complex float, fabs_d, copysign_d)
DIVC3(__divdc3, double, double, _Complex double, fabs_d, copysign_d)
#if defined(__x86_64__) || defined(__i386__)
MULC3(__mulxc3, long double, _Complex long double, fabs_x, copysign_x)
DIVC3(__divxc3, long double, long double, _Complex long double, fabs_x, copysign_x)
#endif
