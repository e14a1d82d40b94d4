/* powi.c: __builtin_powi's library routines (__powisf2, __powidf2,
 * __powixf2): x raised to an int by repeated squaring, as libgcc computes it
 * (so results match gcc's bit for bit), 1/x^|n| for negative n.
 */
#include "rt.h"

#define POWI(name, T)                          \
  RT_API T name(T x, int m) {                  \
    unsigned n = m < 0 ? -(unsigned)m : (unsigned)m; \
    T y = n % 2 ? x : 1;                       \
    while (n >>= 1) {                          \
      x = x * x;                               \
      if (n % 2) y = y * x;                    \
    }                                          \
    return m < 0 ? 1 / y : y;                  \
  }

POWI(__powisf2, float)
POWI(__powidf2, double)
POWI(__powixf2, long double)
