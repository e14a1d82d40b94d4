/* math.h: cfree's static C library (C11 7.12): the double functions, float
 * and long double forms of the common ones, classification macros. */
#ifndef _RT_MATH_H
#define _RT_MATH_H
#ifdef __cplusplus
extern "C" {
#endif
typedef float float_t;
typedef double double_t;
#define HUGE_VAL (__builtin_huge_val())
#define HUGE_VALF (__builtin_huge_valf())
#define HUGE_VALL (__builtin_huge_vall())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))
#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4
#define FP_ILOGB0 (-2147483647 - 1)
#define FP_ILOGBNAN (-2147483647 - 1)
#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#define math_errhandling MATH_ERRNO
#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440
#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf(x)
#define isfinite(x) __builtin_isfinite(x)
#define signbit(x) __builtin_signbit(x)
#define isnormal(x) (fpclassify(x) == FP_NORMAL)
#define fpclassify(x) (__builtin_isnan(x) ? FP_NAN : __builtin_isinf(x) ? FP_INFINITE : (x) == 0 ? FP_ZERO : \
    (sizeof(x) == sizeof(float) ? __builtin_fabsf((float)(x)) < 1.17549435e-38f : \
     sizeof(x) == sizeof(double) ? __builtin_fabs((double)(x)) < 2.2250738585072014e-308 : \
     __builtin_fabsl((long double)(x)) < 3.36210314311209350626e-4932L) ? FP_SUBNORMAL : FP_NORMAL)
#define isgreater(x, y) (!isunordered(x, y) && (x) > (y))
#define isgreaterequal(x, y) (!isunordered(x, y) && (x) >= (y))
#define isless(x, y) (!isunordered(x, y) && (x) < (y))
#define islessequal(x, y) (!isunordered(x, y) && (x) <= (y))
#define islessgreater(x, y) (!isunordered(x, y) && (x) != (y))
#define isunordered(x, y) (__builtin_isnan(x) || __builtin_isnan(y))
#define _RT_M1(n) double n(double); float n##f(float); long double n##l(long double);
#define _RT_M2(n) double n(double, double); float n##f(float, float); long double n##l(long double, long double);
_RT_M1(acos) _RT_M1(asin) _RT_M1(atan) _RT_M2(atan2) _RT_M1(cos) _RT_M1(sin) _RT_M1(tan)
_RT_M1(acosh) _RT_M1(asinh) _RT_M1(atanh) _RT_M1(cosh) _RT_M1(sinh) _RT_M1(tanh)
_RT_M1(exp) _RT_M1(exp2) _RT_M1(expm1) _RT_M1(log) _RT_M1(log10) _RT_M1(log1p) _RT_M1(log2) _RT_M1(logb)
_RT_M1(cbrt) _RT_M1(fabs) _RT_M2(hypot) _RT_M2(pow) _RT_M1(sqrt) _RT_M1(erf) _RT_M1(erfc)
_RT_M1(lgamma) _RT_M1(tgamma) _RT_M1(ceil) _RT_M1(floor) _RT_M1(nearbyint) _RT_M1(rint) _RT_M1(round)
_RT_M1(trunc) _RT_M2(fmod) _RT_M2(remainder) _RT_M2(copysign) _RT_M2(nextafter) _RT_M2(fdim)
_RT_M2(fmax) _RT_M2(fmin)
#undef _RT_M1
#undef _RT_M2
double frexp(double, int*); float frexpf(float, int*); long double frexpl(long double, int*);
double ldexp(double, int); float ldexpf(float, int); long double ldexpl(long double, int);
double scalbn(double, int); float scalbnf(float, int); long double scalbnl(long double, int);
double scalbln(double, long); float scalblnf(float, long); long double scalblnl(long double, long);
double modf(double, double*); float modff(float, float*); long double modfl(long double, long double*);
int ilogb(double); int ilogbf(float); int ilogbl(long double);
long lrint(double); long lrintf(float); long lrintl(long double);
long long llrint(double); long long llrintf(float); long long llrintl(long double);
long lround(double); long lroundf(float); long lroundl(long double);
long long llround(double); long long llroundf(float); long long llroundl(long double);
double fma(double, double, double); float fmaf(float, float, float); long double fmal(long double, long double, long double);
double remquo(double, double, int*);
double nan(const char*); float nanf(const char*); long double nanl(const char*);
double nexttoward(double, long double);
int __fpclassify(double);
int __isnan(double);
int __isinf(double);
int __signbit(double);
#ifdef __cplusplus
}
#endif
#endif
