/* bits.c: libgcc's bit-counting and byte-swapping routines (__popcountdi2,
 * __clzsi2, __ctzdi2, __ffsdi2, __paritysi2, __bswapdi2 ...; GCC internals
 * manual, "Routines for integer arithmetic", bit operations).  Code compiled
 * for a CPU without the instructions calls these.  Written with shifts and
 * masks only, never with __builtin_popcount & co., which may call them back.
 */
#include "rt.h"

RT_API int __popcountdi2(rt_u64 x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return (int)((x * 0x0101010101010101ULL) >> 56);
}
RT_API int __popcountsi2(rt_u32 x) { return __popcountdi2(x); }

RT_API int __paritydi2(rt_u64 x) { return __popcountdi2(x) & 1; }
RT_API int __paritysi2(rt_u32 x) { return __popcountdi2(x) & 1; }

/* Leading zeros of a nonzero value (zero gives the width, as libgcc's). */
RT_API int __clzdi2(rt_u64 x) {
  int n = 0;
  if (x == 0) return 64;
  if (!(x >> 32)) { n += 32; x <<= 32; }
  if (!(x >> 48)) { n += 16; x <<= 16; }
  if (!(x >> 56)) { n += 8; x <<= 8; }
  if (!(x >> 60)) { n += 4; x <<= 4; }
  if (!(x >> 62)) { n += 2; x <<= 2; }
  if (!(x >> 63)) n += 1;
  return n;
}
RT_API int __clzsi2(rt_u32 x) { return __clzdi2(x) - 32; }

RT_API int __ctzdi2(rt_u64 x) {
  if (x == 0) return 64;
  return 63 - __clzdi2(x & -x);
}
RT_API int __ctzsi2(rt_u32 x) { return x ? __ctzdi2(x) : 32; }

RT_API int __ffsdi2(rt_u64 x) { return x ? __ctzdi2(x) + 1 : 0; }
RT_API int __ffssi2(rt_u32 x) { return x ? __ctzdi2(x) + 1 : 0; }

RT_API int __clrsbdi2(rt_i64 x) { return __clzdi2((rt_u64)(x ^ (x >> 63))) - 1; }
RT_API int __clrsbsi2(rt_i32 x) { return __clzdi2((rt_u32)(x ^ (x >> 31))) - 33; }

RT_API rt_u32 __bswapsi2(rt_u32 x) {
  return (x >> 24) | ((x >> 8) & 0xff00u) | ((x << 8) & 0xff0000u) | (x << 24);
}
RT_API rt_u64 __bswapdi2(rt_u64 x) {
  return ((rt_u64)__bswapsi2((rt_u32)x) << 32) | __bswapsi2((rt_u32)(x >> 32));
}
