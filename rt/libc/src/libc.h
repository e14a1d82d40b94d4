/* libc.h: internals shared by cfree's static C library (rt/libc).  Portable
 * C over one per-arch primitive, __rt_syscall (<arch>/syscall.S), and the
 * per-arch system call numbers (<arch>/sys.h). */
#ifndef RT_LIBC_H
#define RT_LIBC_H
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <errno.h>

#if defined(__x86_64__)
#include "../x86_64/sys.h"
#else
#error "cfree's static C library: no system call table for this target yet"
#endif

#define RT_HIDDEN __attribute__((visibility("hidden")))
/* Every public function is weak: a program may define its own memcpy, ffs
 * or __fprintf_chk (gcc's torture tests do) without a duplicate-definition
 * error against the member that also holds functions it does use. */
#define RT_WEAK __attribute__((weak))

RT_HIDDEN long __rt_syscall(long n, long a, long b, long c, long d, long e, long f);
/* A system call returning -1 with errno set on failure, as POSIX wrappers do. */
RT_HIDDEN long __rt_sys(long r);
#define SYS0(n) __rt_syscall(n, 0, 0, 0, 0, 0, 0)
#define SYS1(n, a) __rt_syscall(n, (long)(a), 0, 0, 0, 0, 0)
#define SYS2(n, a, b) __rt_syscall(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define SYS3(n, a, b, c) __rt_syscall(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYS4(n, a, b, c, d) __rt_syscall(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define SYS6(n, a, b, c, d, e, f) __rt_syscall(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

/* stdio: flush every stream (exit). */
RT_HIDDEN void __rt_stdio_exit(void);

/* Formatted output to a sink (printf family). */
struct rt_sink {
  void (*put)(struct rt_sink*, const char*, size_t);
  char* buf;
  size_t len, cap;
  void* file;
  int err;
};
RT_HIDDEN int __rt_vformat(struct rt_sink*, const char*, va_list);

/* Floating point <-> decimal (fltconv.c). */
RT_HIDDEN long double __rt_strtofp(const char* s, char** end, int kind);  /* kind 0 float, 1 double, 2 long double */
/* Exact decimal digits of a finite nonzero |v|: writes digits to buf (no
 * leading zeros, at most cap), returns their count; *dexp gets the power of
 * ten of the first digit (v = 0.d1d2... * 10^(dexp+1)).  The digit string is
 * exact (all of it, truncated to cap with *inexact set if cut). */
RT_HIDDEN int __rt_fp_digits(long double v, int is_long, char* buf, int cap, int* dexp, int* inexact);
#endif
