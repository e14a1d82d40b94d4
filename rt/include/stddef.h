/* stddef.h: cfree's freestanding <stddef.h> (C11 7.19).
 *
 * Besides the standard contents it honours the "__need_*" protocol that the
 * GNU C library uses to pull in single definitions (glibc's <stdio.h> does
 * "#define __need_size_t / #define __need_NULL / #include <stddef.h>"), and
 * it defines the same guard macros GCC's <stddef.h> does, so headers that
 * test them see the same world.  The types come from the compiler's
 * predefined __SIZE_TYPE__-style macros.
 */
#if (!defined(_STDDEF_H) && !defined(_STDDEF_H_) && !defined(_ANSI_STDDEF_H) \
     && !defined(__STDDEF_H__)) \
    || defined(__need_wchar_t) || defined(__need_size_t) \
    || defined(__need_ptrdiff_t) || defined(__need_NULL) \
    || defined(__need_wint_t)

#if !defined(__need_wchar_t) && !defined(__need_size_t) \
    && !defined(__need_ptrdiff_t) && !defined(__need_NULL) \
    && !defined(__need_wint_t)
/* A full inclusion. */
#define _STDDEF_H
#define _STDDEF_H_
#define _ANSI_STDDEF_H
#endif

#if defined(_STDDEF_H) || defined(__need_ptrdiff_t)
#if !defined(_PTRDIFF_T) && !defined(_PTRDIFF_T_) && !defined(_GCC_PTRDIFF_T) \
    && !defined(__PTRDIFF_T) && !defined(___int_ptrdiff_t_h)
#define _PTRDIFF_T
#define _T_PTRDIFF_
#define _T_PTRDIFF
#define __PTRDIFF_T
#define _PTRDIFF_T_
#define _BSD_PTRDIFF_T_
#define ___int_ptrdiff_t_h
#define _GCC_PTRDIFF_T
#define _PTRDIFF_T_DECLARED
#define __DEFINED_ptrdiff_t
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#endif
#undef __need_ptrdiff_t
#endif

#if defined(_STDDEF_H) || defined(__need_size_t)
#if !defined(_SIZE_T) && !defined(__size_t__) && !defined(__SIZE_T__) \
    && !defined(_SIZE_T_) && !defined(_SIZE_T_DEFINED) && !defined(_GCC_SIZE_T) \
    && !defined(__SIZE_T) && !defined(_SIZE_T_DECLARED) && !defined(___int_size_t_h) \
    && !defined(_SYS_SIZE_T_H) && !defined(_BSD_SIZE_T_) && !defined(__DEFINED_size_t)
#define __size_t__
#define __SIZE_T__
#define _SIZE_T
#define _SYS_SIZE_T_H
#define _T_SIZE_
#define _T_SIZE
#define __SIZE_T
#define _SIZE_T_
#define _BSD_SIZE_T_
#define _SIZE_T_DEFINED_
#define _SIZE_T_DEFINED
#define _BSD_SIZE_T_DEFINED_
#define _SIZE_T_DECLARED
#define __DEFINED_size_t
#define ___int_size_t_h
#define _GCC_SIZE_T
#define _SIZET_
typedef __SIZE_TYPE__ size_t;
#endif
#undef __need_size_t
#endif

#if defined(_STDDEF_H) || defined(__need_wchar_t)
#if !defined(__wchar_t__) && !defined(__WCHAR_T__) && !defined(_WCHAR_T) \
    && !defined(_WCHAR_T_) && !defined(_WCHAR_T_DEFINED) && !defined(_GCC_WCHAR_T) \
    && !defined(___int_wchar_t_h) && !defined(__INT_WCHAR_T_H) && !defined(_WCHAR_T_H) \
    && !defined(_WCHAR_T_DECLARED) && !defined(__DEFINED_wchar_t)
#define __wchar_t__
#define __WCHAR_T__
#define _WCHAR_T
#define _T_WCHAR_
#define _T_WCHAR
#define __WCHAR_T
#define _WCHAR_T_
#define _BSD_WCHAR_T_
#define _WCHAR_T_DEFINED_
#define _WCHAR_T_DEFINED
#define _WCHAR_T_H
#define ___int_wchar_t_h
#define __INT_WCHAR_T_H
#define _GCC_WCHAR_T
#define _WCHAR_T_DECLARED
#define __DEFINED_wchar_t
typedef __WCHAR_TYPE__ wchar_t;
#endif
#undef __need_wchar_t
#endif

#if defined(__need_wint_t)
#ifndef _WINT_T
#define _WINT_T
typedef __WINT_TYPE__ wint_t;
#endif
#undef __need_wint_t
#endif

#if defined(_STDDEF_H) || defined(__need_NULL)
#undef NULL
#define NULL ((void *)0)
#undef __need_NULL
#endif

#ifdef _STDDEF_H
#define offsetof(TYPE, MEMBER) __builtin_offsetof (TYPE, MEMBER)

#if (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L)
#ifndef _GCC_MAX_ALIGN_T
#define _GCC_MAX_ALIGN_T
typedef struct {
  long long __max_align_ll __attribute__((__aligned__(__alignof__(long long))));
  long double __max_align_ld __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;
#endif
#endif

#endif /* _STDDEF_H */

#endif /* the guard / __need_* test */
