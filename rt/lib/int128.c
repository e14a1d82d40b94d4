/* int128.c: 128-bit integer division and arithmetic helpers (libgcc's
 * __udivti3 family; GCC internals manual, "Routines for integer arithmetic").
 *
 * Division never divides a 128-bit value directly (that would call these very
 * routines): 128/64 steps use the normalised two-digit long division of
 * Hacker's Delight (divlu, 2nd ed. 9-4) on 32-bit half-words, and a 128-bit
 * divisor uses the estimate-and-correct method of divDoubleWord (9-5).
 */
#include "rt.h"

/* (u1:u0) / v for u1 < v, v != 0: the quotient; *r gets the remainder. */
static rt_u64 divlu(rt_u64 u1, rt_u64 u0, rt_u64 v, rt_u64* r) {
  const rt_u64 b = 1ULL << 32;
  int s = __builtin_clzll(v);
  v <<= s;
  rt_u64 vn1 = v >> 32, vn0 = v & 0xffffffffULL;
  rt_u64 un32 = s ? (u1 << s) | (u0 >> (64 - s)) : u1;
  rt_u64 un10 = u0 << s;
  rt_u64 un1 = un10 >> 32, un0 = un10 & 0xffffffffULL;
  rt_u64 q1 = un32 / vn1, rhat = un32 - q1 * vn1;
  while (q1 >= b || q1 * vn0 > b * rhat + un1) {
    q1--;
    rhat += vn1;
    if (rhat >= b) break;
  }
  rt_u64 un21 = un32 * b + un1 - q1 * v;
  rt_u64 q0 = un21 / vn1;
  rhat = un21 - q0 * vn1;
  while (q0 >= b || q0 * vn0 > b * rhat + un0) {
    q0--;
    rhat += vn1;
    if (rhat >= b) break;
  }
  *r = (un21 * b + un0 - q0 * v) >> s;
  return q1 * b + q0;
}

RT_API rt_tu __udivmodti4(rt_tu u, rt_tu v, rt_tu* rem) {
  rt_u64 uh = RT_HI(u), ul = RT_LO(u), vh = RT_HI(v), vl = RT_LO(v);
  if (vh == 0) {
    if (vl == 0) {
      /* Division by zero: trap like the hardware division does. */
      volatile rt_u64 z = 0;
      return ul / z;
    }
    rt_u64 r;
    if (uh < vl) {
      rt_u64 q = divlu(uh, ul, vl, &r);
      if (rem) *rem = r;
      return q;
    }
    rt_u64 qh = uh / vl, r1 = uh % vl;
    rt_u64 ql = divlu(r1, ul, vl, &r);
    if (rem) *rem = r;
    return RT_MAKE(qh, ql);
  }
  if (uh < vh || (uh == vh && ul < vl)) {
    if (rem) *rem = u;
    return 0;
  }
  int n = __builtin_clzll(vh);
  rt_tu vn = v << n;
  rt_tu u1 = u >> 1;
  rt_u64 r;
  rt_u64 q1 = divlu(RT_HI(u1), RT_LO(u1), RT_HI(vn), &r);
  rt_u64 q0 = q1 >> (63 - n);  /* (q1 << n) >> 63: undo the normalisation and u >> 1 */
  if (q0 != 0) q0--;
  rt_tu rr = u - (rt_tu)q0 * v;
  if (rr >= v) {
    q0++;
    rr -= v;
  }
  if (rem) *rem = rr;
  return q0;
}

RT_API rt_tu __udivti3(rt_tu u, rt_tu v) { return __udivmodti4(u, v, 0); }

RT_API rt_tu __umodti3(rt_tu u, rt_tu v) {
  rt_tu r;
  __udivmodti4(u, v, &r);
  return r;
}

RT_API rt_ti __divti3(rt_ti a, rt_ti b) {
  rt_tu ua = a < 0 ? -(rt_tu)a : (rt_tu)a;
  rt_tu ub = b < 0 ? -(rt_tu)b : (rt_tu)b;
  rt_tu q = __udivmodti4(ua, ub, 0);
  return (rt_ti)((a < 0) != (b < 0) ? -q : q);
}

RT_API rt_ti __modti3(rt_ti a, rt_ti b) {
  rt_tu ua = a < 0 ? -(rt_tu)a : (rt_tu)a;
  rt_tu ub = b < 0 ? -(rt_tu)b : (rt_tu)b;
  rt_tu r;
  __udivmodti4(ua, ub, &r);
  return (rt_ti)(a < 0 ? -r : r);
}

RT_API rt_ti __divmodti4(rt_ti a, rt_ti b, rt_ti* rem) {
  rt_ti q = __divti3(a, b);
  if (rem) *rem = a - q * b;
  return q;
}

RT_API rt_ti __multi3(rt_ti a, rt_ti b) {
  rt_u64 al = RT_LO(a), bl = RT_LO(b);
  rt_u64 a0 = al & 0xffffffffULL, a1 = al >> 32, b0 = bl & 0xffffffffULL, b1 = bl >> 32;
  rt_u64 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  rt_u64 mid = (p00 >> 32) + (p01 & 0xffffffffULL) + (p10 & 0xffffffffULL);
  rt_u64 lo = (p00 & 0xffffffffULL) | (mid << 32);
  rt_u64 hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  hi += RT_HI(a) * bl + al * RT_HI(b);
  return (rt_ti)RT_MAKE(hi, lo);
}

RT_API rt_ti __ashlti3(rt_ti a, int n) { return (rt_ti)((rt_tu)a << n); }
RT_API rt_ti __ashrti3(rt_ti a, int n) { return a >> n; }
RT_API rt_ti __lshrti3(rt_ti a, int n) { return (rt_ti)((rt_tu)a >> n); }
RT_API rt_ti __negti2(rt_ti a) { return (rt_ti)(-(rt_tu)a); }

/* Comparisons: 0 for less, 1 for equal, 2 for greater. */
RT_API int __cmpti2(rt_ti a, rt_ti b) { return a < b ? 0 : a == b ? 1 : 2; }
RT_API int __ucmpti2(rt_tu a, rt_tu b) { return a < b ? 0 : a == b ? 1 : 2; }

RT_API rt_ti __absvti2(rt_ti a) {
  if (a == RT_TI_MIN) __builtin_trap();
  return a < 0 ? -a : a;
}

RT_API rt_ti __negvti2(rt_ti a) {
  if (a == RT_TI_MIN) __builtin_trap();
  return -a;
}

RT_API rt_ti __addvti3(rt_ti a, rt_ti b) {
  rt_ti r = (rt_ti)((rt_tu)a + (rt_tu)b);
  if (b >= 0 ? r < a : r > a) __builtin_trap();
  return r;
}

RT_API rt_ti __subvti3(rt_ti a, rt_ti b) {
  rt_ti r = (rt_ti)((rt_tu)a - (rt_tu)b);
  if (b >= 0 ? r > a : r < a) __builtin_trap();
  return r;
}

RT_API rt_ti __mulvti3(rt_ti a, rt_ti b) {
  /* Multiply the magnitudes in 64-bit limbs, trap on overflow.  (Written out:
   * cfree cannot yet compile __builtin_mul_overflow on __int128.) */
  int neg = (a < 0) != (b < 0);
  rt_tu ua = a < 0 ? -(rt_tu)a : (rt_tu)a, ub = b < 0 ? -(rt_tu)b : (rt_tu)b;
  rt_u64 ah = RT_HI(ua), al = RT_LO(ua), bh = RT_HI(ub), bl = RT_LO(ub);
  if (ah && bh) __builtin_trap();
  rt_tu cross = (rt_tu)ah * bl + (rt_tu)al * bh;
  if (RT_HI(cross)) __builtin_trap();
  rt_tu p = (rt_tu)al * bl;
  rt_u64 hi = RT_HI(p) + RT_LO(cross);
  if (hi < RT_HI(p)) __builtin_trap();
  rt_tu m = RT_MAKE(hi, RT_LO(p));
  rt_tu limit = (rt_tu)RT_TI_MAX + (neg ? 1 : 0);
  if (m > limit) __builtin_trap();
  return (rt_ti)(neg ? -m : m);
}

RT_API int __clzti2(rt_tu a) {
  rt_u64 h = RT_HI(a);
  return h ? __builtin_clzll(h) : 64 + __builtin_clzll(RT_LO(a));
}

RT_API int __ctzti2(rt_tu a) {
  rt_u64 l = RT_LO(a);
  return l ? __builtin_ctzll(l) : 64 + __builtin_ctzll(RT_HI(a));
}

RT_API int __ffsti2(rt_tu a) { return a == 0 ? 0 : __ctzti2(a) + 1; }

RT_API int __popcountti2(rt_tu a) {
  return __builtin_popcountll(RT_HI(a)) + __builtin_popcountll(RT_LO(a));
}

RT_API int __parityti2(rt_tu a) { return __builtin_parityll(RT_HI(a) ^ RT_LO(a)); }
