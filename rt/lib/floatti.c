/* floatti.c: conversions between 128-bit integers and floating point
 * (libgcc's __floattidf, __fixdfti, ...; GCC internals manual, "Routines for
 * floating point emulation": conversion functions).
 *
 * Integer to float rounds once, to nearest even: the value is cut to its top
 * 64 bits with the dropped bits ORed into a sticky bit, which a 64-bit to
 * float conversion then rounds correctly (64 > 53 + 2), and the power of two
 * scaling is exact.  long double has a 64-bit significand, so there the sum
 * hi * 2^64 + lo of two exact terms is rounded once by the addition.
 * Float to integer truncates toward zero; magnitudes of 2^63 and above are
 * integers, converted exactly from their significand and exponent bits.
 * Out-of-range inputs give unspecified results, as in C (6.3.1.4).
 */
#include "rt.h"

static double pow2d(int e) { /* 2^e, 0 <= e <= 127 */
  union { double d; rt_u64 u; } x;
  x.u = (rt_u64)(1023 + e) << 52;
  return x.d;
}

/* u >= 2^64: its top 64 bits, with a sticky bit; *shift gets the bits dropped. */
static rt_u64 top64(rt_tu u, int* shift) {
  int s = 64 - __builtin_clzll(RT_HI(u));
  rt_u64 m = (rt_u64)(u >> s);
  if (u & (((rt_tu)1 << s) - 1)) m |= 1;
  *shift = s;
  return m;
}

RT_API double __floatuntidf(rt_tu u) {
  if (RT_HI(u) == 0) return (double)RT_LO(u);
  int s;
  rt_u64 m = top64(u, &s);
  return (double)m * pow2d(s);
}

RT_API float __floatuntisf(rt_tu u) {
  if (RT_HI(u) == 0) return (float)RT_LO(u);
  int s;
  rt_u64 m = top64(u, &s);
  return (float)m * (float)pow2d(s);
}

RT_API double __floattidf(rt_ti a) {
  double r = __floatuntidf(a < 0 ? -(rt_tu)a : (rt_tu)a);
  return a < 0 ? -r : r;
}

RT_API float __floattisf(rt_ti a) {
  float r = __floatuntisf(a < 0 ? -(rt_tu)a : (rt_tu)a);
  return a < 0 ? -r : r;
}

/* |d| >= 2^63 and finite: the integer value of |d| (d is integral there). */
static rt_tu bigd(double d) {
  union { double d; rt_u64 u; } x;
  x.d = d;
  int e = (int)((x.u >> 52) & 0x7ff) - 1075;
  rt_u64 m = (x.u & ((1ULL << 52) - 1)) | (1ULL << 52);
  if (e >= 128 - 53) return RT_TU_MAX;  /* out of range */
  return (rt_tu)m << e;
}

RT_API rt_ti __fixdfti(double d) {
  if (d > -9223372036854775808.0 && d < 9223372036854775808.0) return (rt_ti)(rt_i64)d;
  if (d != d) return 0;
  rt_tu u = bigd(d);
  return d < 0 ? (rt_ti)(-u) : (rt_ti)u;
}

RT_API rt_tu __fixunsdfti(double d) {
  if (!(d > 0)) return 0;
  if (d < 18446744073709551616.0) return (rt_u64)d;
  return bigd(d);
}

RT_API rt_ti __fixsfti(float f) { return __fixdfti((double)f); }
RT_API rt_tu __fixunssfti(float f) { return __fixunsdfti((double)f); }

#if defined(__x86_64__) || defined(__i386__)
/* long double is the x87 80-bit format: a 64-bit significand with an
 * explicit integer bit, a 15-bit biased exponent and a sign. */

RT_API long double __floatuntixf(rt_tu u) {
  return (long double)RT_HI(u) * 18446744073709551616.0L + (long double)RT_LO(u);
}

RT_API long double __floattixf(rt_ti a) {
  long double r = __floatuntixf(a < 0 ? -(rt_tu)a : (rt_tu)a);
  return a < 0 ? -r : r;
}

static rt_tu bigx(long double x) {
  union { long double x; struct { rt_u64 m; unsigned short se; } p; } v;
  v.x = x;
  int e = (int)(v.p.se & 0x7fff) - 16383 - 63;
  if (e >= 64) return RT_TU_MAX;  /* out of range */
  return (rt_tu)v.p.m << e;
}

RT_API rt_ti __fixxfti(long double x) {
  if (x > -9223372036854775808.0L && x < 9223372036854775808.0L) return (rt_ti)(rt_i64)x;
  if (x != x) return 0;
  rt_tu u = bigx(x);
  return x < 0 ? (rt_ti)(-u) : (rt_ti)u;
}

RT_API rt_tu __fixunsxfti(long double x) {
  if (!(x > 0)) return 0;
  if (x < 18446744073709551616.0L) return (rt_u64)x;
  return bigx(x);
}
#endif
