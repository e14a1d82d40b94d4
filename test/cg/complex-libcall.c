// Floating complex * and / of two complex operands: calls to __mulsc3,
// __muldc3, __mulxc3, __divsc3, __divdc3, __divxc3 (cfree's runtime when
// cfree links, libgcc's when gcc does) with C11 Annex G results: an infinite
// operand gives an infinite product, a nonzero over zero an infinite
// quotient, a finite over an infinite a zero, and quotients of parts near
// the ends of the exponent range do not overflow or flush to zero.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
// RUN: gcc -w %s -o %t.gcc && %t.gcc
// RUN: %cfree cc %s -o %t.cf && %t.cf
#include "../c/Inputs/test.h"

typedef _Complex float cf;
typedef _Complex double cd;
typedef _Complex long double cld;

static int isinf_d(double x) { return x == __builtin_inf() || x == -__builtin_inf(); }
static int isnan_d(double x) { return x != x; }
static int cinf(cd z) { return isinf_d(__real__ z) || isinf_d(__imag__ z); }
static int cinfl(cld z) { return isinf_d(__real__ z) || isinf_d(__imag__ z); }
static int cinff(cf z) { return isinf_d(__real__ z) || isinf_d(__imag__ z); }

int main(void) {
  volatile double inf = __builtin_inf(), nan = __builtin_nan(""), zero = 0;
  cd a = 1.0 + 2.0i, b = 3.0 + 4.0i, r;
  r = a * b;
  ASSERT(-5, __real__ r);
  ASSERT(10, __imag__ r);
  r = a / b;  // 0.44 + 0.08i
  ASSERT(44, (long long)(__real__ r * 100 + 0.5));
  ASSERT(8, (long long)(__imag__ r * 100 + 0.5));
  r *= b;
  ASSERT(1, (long long)(__real__ r + 0.5));
  ASSERT(2, (long long)(__imag__ r + 0.5));

  cf fa = 1.0f + 2.0fi, fb = 3.0f + 4.0fi, fr = fa * fb;
  ASSERT(-5, __real__ fr);
  ASSERT(10, __imag__ fr);
  fr = fb / fa;  // 2.2 - 0.4i
  ASSERT(22, (long long)(__real__ fr * 10 + 0.5));
  ASSERT(-4, (long long)(__imag__ fr * 10 - 0.5));
  cld la = 1.0L + 2.0Li, lb = 3.0L + 4.0Li, lr = la * lb;
  ASSERT(-5, __real__ lr);
  ASSERT(10, __imag__ lr);
  lr = lb / la;
  ASSERT(22, (long long)(__real__ lr * 10 + 0.5));
  // Mixed: complex float * complex double is complex double.
  r = fa * b;
  ASSERT(10, __imag__ r);

  // Annex G: (inf + nan i) * (1 + 1i) is infinite, not nan + nan i.
  cd zinf = inf;
  __imag__ zinf = nan;
  r = zinf * (1.0 + 1.0i);
  ASSERT(1, cinf(r));
  r = (1.0 + 1.0i) * zinf;
  ASSERT(1, cinf(r));
  cld linf = inf;
  __imag__ linf = nan;
  ASSERT(1, cinfl(linf * (2.0L + 1.0Li)));
  cf finf = inf;
  __imag__ finf = nan;
  ASSERT(1, cinff(finf * (2.0f + 1.0fi)));
  // Overflowing parts: infinite, not nan.
  cd big = 1e300 + 1e300i;
  r = big * big;
  ASSERT(1, cinf(r));
  // Nonzero / zero is infinite; finite / infinite is zero; inf / finite infinite.
  cd z0 = zero;
  r = a / z0;
  ASSERT(1, cinf(r));
  r = a / zinf;
  ASSERT(0, __real__ r);
  ASSERT(0, __imag__ r);
  ASSERT(0, isnan_d(__real__ r));
  r = zinf / b;
  ASSERT(1, cinf(r));
  ASSERT(1, cinff(fa / (cf)z0));
  ASSERT(1, cinfl(la / (cld)z0));
  // Real / complex goes through __div?c3 with a zero imaginary part.
  r = 2.0 / (1.0 + 1.0i);
  ASSERT(1, (long long)(__real__ r + 0.5));
  ASSERT(-1, (long long)(__imag__ r - 0.5));
  volatile double two = 2.0;
  r = two / (cd)(1.0 + 1.0i);
  ASSERT(-1, (long long)(__imag__ r - 0.5));
  // Parts near the largest and smallest doubles (GCC 12's scaled division).
  volatile double huge = 0x1p1020, tiny = 0x1p-1020;
  cd h = huge;
  __imag__ h = huge;
  r = h / h;
  ASSERT(1, __real__ r);
  ASSERT(0, __imag__ r);
  cd t = tiny;
  __imag__ t = tiny;
  r = t / t;
  ASSERT(1, __real__ r);
  ASSERT(0, __imag__ r);
  r = (1.0 + 1.0i) / (cd)h;
  ASSERT(1, __real__ r * 0x1p1020 == 1.0);
  volatile double vbig = 0x1.1ccf385ebc8ap+1023;  // c*c + d*d overflows unscaled
  cd hb = vbig;
  __imag__ hb = vbig;
  r = (1.75 + 3.0i) / hb;
  ASSERT(1, __real__ r > 0);
  ASSERT(1, __imag__ r > 0);
  cld lh = 0x1p16380L;
  __imag__ lh = 0x1p16380L;
  cld lq = (1.75L + 3.0Li) / lh;
  ASSERT(1, __real__ lq > 0);
  TEST_DONE();
}
