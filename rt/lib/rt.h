/* rt.h: shared definitions for libcfree_rt, cfree's compiler support library
 * (what libgcc is to gcc).  Every routine is hidden, as in libgcc.a, so a
 * shared library that links one does not export it.  Sources here are plain
 * C compiled by cfree itself (see rt/CMakeLists.txt); arch-specific parts are
 * guarded by the target macros (__x86_64__, __aarch64__, __riscv).
 */
#ifndef CFREE_RT_H
#define CFREE_RT_H

#define RT_API __attribute__((visibility("hidden")))

typedef unsigned long long rt_u64;
typedef long long rt_i64;
typedef unsigned int rt_u32;
typedef int rt_i32;
typedef unsigned __int128 rt_tu;
typedef __int128 rt_ti;

#define RT_HI(x) ((rt_u64)((rt_tu)(x) >> 64))
#define RT_LO(x) ((rt_u64)(x))
#define RT_MAKE(hi, lo) (((rt_tu)(rt_u64)(hi) << 64) | (rt_u64)(lo))

/* 128-bit values from 64-bit halves through a function: cfree's constant
 * folder currently truncates 128-bit constant expressions such as ~(rt_tu)0
 * or (rt_tu)1 << 127 to 64 bits, so rt never writes them as constants. */
static inline rt_tu rt_make(rt_u64 hi, rt_u64 lo) { return RT_MAKE(hi, lo); }
#define RT_TU_MAX rt_make(~0ULL, ~0ULL)
#define RT_TI_MIN ((rt_ti)rt_make(1ULL << 63, 0))
#define RT_TI_MAX ((rt_ti)rt_make(~0ULL >> 1, ~0ULL))

#endif
