/* complex.c: complex multiplication and division (libgcc's __mulsc3,
 * __muldc3, __mulxc3, __divsc3, __divdc3, __divxc3), which compilers call for
 * `*` and `/` of two complex floating operands.
 *
 * Multiplication is the textbook (ac - bd) + (ad + bc)i with the recovery of
 * C11 Annex G.5.1 when both parts come out NaN (an infinite operand gives an
 * infinite result).  Division is as libgcc has it since GCC 12: the plain
 * formula in double for float, Smith's algorithm with Baudin-Smith scaling
 * for double and long double, then the Annex G recovery for zero and
 * infinite divisors (bit for bit libgcc's results; torture ieee/cdivchk*).  Helpers work on the bit
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

/* Annex G recovery of a quotient that came out NaN + iNaN: a nonzero over
 * zero is an infinity, an infinite over a finite one an infinity, a finite
 * over an infinite one a zero. */
#define DIV_RECOVER(T, COPYSIGN)                                                        \
  if (ISNAN(x) && ISNAN(y)) {                                                           \
    T inf = (T)1 / (T)0;                                                                \
    if (c == 0 && d == 0 && (!ISNAN(a) || !ISNAN(b))) {                                 \
      x = COPYSIGN(inf, c) * a;                                                         \
      y = COPYSIGN(inf, c) * b;                                                         \
    } else if ((ISINF(a) || ISINF(b)) && ISFINITE(c) && ISFINITE(d)) {                  \
      a = COPYSIGN(ISINF(a) ? 1 : 0, a);                                                \
      b = COPYSIGN(ISINF(b) ? 1 : 0, b);                                                \
      x = inf * (a * c + b * d);                                                        \
      y = inf * (b * c - a * d);                                                        \
    } else if ((ISINF(c) || ISINF(d)) && ISFINITE(a) && ISFINITE(b)) {                  \
      c = COPYSIGN(ISINF(c) ? 1 : 0, c);                                                \
      d = COPYSIGN(ISINF(d) ? 1 : 0, d);                                                \
      x = 0 * (a * c + b * d);                                                          \
      y = 0 * (b * c - a * d);                                                          \
    }                                                                                   \
  }

/* float: the plain formula in double, which cannot overflow or lose
 * precision for float operands (libgcc does the same when the machine has
 * double arithmetic). */
RT_API _Complex float __divsc3(float a, float b, float c, float d) {
  double a2 = a, b2 = b, c2 = c, d2 = d;
  double den = c2 * c2 + d2 * d2;
  float x = (float)((a2 * c2 + b2 * d2) / den);
  float y = (float)((b2 * c2 - a2 * d2) / den);
  DIV_RECOVER(float, copysign_f)
  union { _Complex float z; float p[2]; } r;
  r.p[0] = x;
  r.p[1] = y;
  return r.z;
}

/* double and long double: Smith's algorithm (divide through by the larger
 * part of the divisor) with the scaling of Baudin and Smith as libgcc has it
 * since GCC 12: halve everything when the divisor is near overflow, scale up
 * by 1/EPSILON when it (or the dividend) is so small that the ratio or the
 * products would underflow, and avoid a subnormal ratio. */
#define DIVC3(name, T, CT, FABS, COPYSIGN, MAX, MIN, EPS)                               \
  RT_API CT name(T a, T b, T c, T d) {                                                  \
    const T big = (MAX) / 2, tiny = (MIN), eps = (EPS), up = 1 / (EPS), max2 = big * eps; \
    T x, y;                                                                             \
    int swap = FABS(c) < FABS(d);                                                       \
    /* p: the larger part of the divisor, q: the smaller */                             \
    T p = swap ? d : c, q = swap ? c : d;                                               \
    if (FABS(p) >= big) {                                                               \
      a = a / 2, b = b / 2, c = c / 2, d = d / 2, p = p / 2, q = q / 2;                 \
    }                                                                                   \
    if (FABS(p) < eps ||                                                                \
        (((FABS(a) < tiny && FABS(b) < max2) || (FABS(b) < tiny && FABS(a) < max2)) &&  \
         FABS(p) < max2)) {                                                             \
      a = a * up, b = b * up, c = c * up, d = d * up, p = p * up, q = q * up;           \
    }                                                                                   \
    T ratio = q / p, denom = q * ratio + p;                                             \
    int normal = FABS(ratio) > tiny;                                                    \
    if (swap) {                                                                         \
      x = normal ? (a * ratio + b) / denom : (c * (a / d) + b) / denom;                 \
      y = normal ? (b * ratio - a) / denom : (c * (b / d) - a) / denom;                 \
    } else {                                                                            \
      x = normal ? (b * ratio + a) / denom : (a + d * (b / c)) / denom;                 \
      y = normal ? (b - a * ratio) / denom : (b - d * (a / c)) / denom;                 \
    }                                                                                   \
    DIV_RECOVER(T, COPYSIGN)                                                            \
    union { CT z; T p[2]; } r;                                                          \
    r.p[0] = x;                                                                         \
    r.p[1] = y;                                                                         \
    return r.z;                                                                         \
  }

MULC3(__mulsc3, float, _Complex float, fabs_f, copysign_f)
MULC3(__muldc3, double, _Complex double, fabs_d, copysign_d)
DIVC3(__divdc3, double, _Complex double, fabs_d, copysign_d, __DBL_MAX__, __DBL_MIN__, __DBL_EPSILON__)
#if defined(__x86_64__) || defined(__i386__)
MULC3(__mulxc3, long double, _Complex long double, fabs_x, copysign_x)
DIVC3(__divxc3, long double, _Complex long double, fabs_x, copysign_x, __LDBL_MAX__, __LDBL_MIN__, __LDBL_EPSILON__)
#endif
