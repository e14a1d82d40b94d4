// _Complex at run time: every complex type (float, double, long double and
// GNU integer complex) through + - (per part, a real operand has no
// imaginary part), products and quotients with a real operand (per part),
// integer complex products and quotients (inline, GCC's algorithm), unary
// - + ~ (conjugate), == !=, conversions between complex and real types,
// truth values, __real__/__imag__ as lvalues, compound assignment, ++/--,
// ?:, initializers, arrays, struct members, calls, returns and varargs.
// Floating complex * and / of two complex operands call __mul?c3/__div?c3:
// see complex-libcall.c.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

#include <stdarg.h>

typedef _Complex float cf;
typedef _Complex double cd;
typedef _Complex long double cld;
typedef _Complex int ci;
typedef _Complex unsigned char cuc;
typedef _Complex long cl;

static cd gz = 1.5 + 2.5i;
static cf gf = 3.0f - 4.0fi;
static ci gi = 5 + 6i;
static cl gl = -7 - 8i;
static cld gld = 9.0L + 10.0Li;
static cd garr[3] = {1.0, 2.0i, 3.0 + 3.0i};
struct S { char c; cd z; ci k; } gs = {'x', 1.0 - 1.0i, 2 + 3i};

static int re_i(ci z) { return __real__ z; }
static int im_i(ci z) { return __imag__ z; }
static double re_d(cd z) { return __real__ z; }
static double im_d(cd z) { return __imag__ z; }

static cd id_d(cd z) { return z; }
static cf id_f(cf z) { return z; }
static cld id_ld(cld z) { return z; }
static ci id_i(ci z) { return z; }
static cl id_l(cl z) { return z; }
static cuc id_uc(cuc z) { return z; }
static cd add3(cd a, cf b, ci c) { return a + b + c; }
static cd many(cd a, cd b, cd c, cd d, cd e, cd f, cd g, cd h, cd i) {
  return a + b + c + d + e + f + g + h + i;
}
static cd swap_parts(cd z) {
  cd r;
  __real__ r = __imag__ z;
  __imag__ r = __real__ z;
  return r;
}

static double vsum(int n, ...) {
  va_list ap;
  double s = 0;
  va_start(ap, n);
  for (int i = 0; i < n; i++) {
    cd z = va_arg(ap, cd);
    cf f = va_arg(ap, cf);
    cld l = va_arg(ap, cld);
    s += __real__ z * 1000 + __imag__ z * 100 + __real__ f * 10 + __imag__ f + __real__ l + __imag__ l;
  }
  va_end(ap);
  return s;
}

static int calls;
static cd side(cd z) {
  calls++;
  return z;
}

int main(void) {
  // Static initializers.
  ASSERT(15, __real__ gz * 10);
  ASSERT(25, __imag__ gz * 10);
  ASSERT(3, __real__ gf);
  ASSERT(-4, __imag__ gf);
  ASSERT(5, __real__ gi);
  ASSERT(6, __imag__ gi);
  ASSERT(-7, __real__ gl);
  ASSERT(-8, __imag__ gl);
  ASSERT(9, __real__ gld);
  ASSERT(10, __imag__ gld);
  ASSERT(1, __real__ garr[0]);
  ASSERT(0, __imag__ garr[0]);
  ASSERT(2, __imag__ garr[1]);
  ASSERT(3, __imag__ garr[2]);
  ASSERT(-1, __imag__ gs.z);
  ASSERT(3, __imag__ gs.k);

  // Automatic initializers and assignment from real values.
  int n = 4;
  cd a = n, b = 2.0 - 1.0i;
  ci k = 7, m = n + 2i;
  ASSERT(4, __real__ a);
  ASSERT(0, __imag__ a);
  ASSERT(7, __real__ k);
  ASSERT(0, __imag__ k);
  ASSERT(4, __real__ m);
  ASSERT(2, __imag__ m);

  // + and -.
  cd c = a + b;
  ASSERT(6, __real__ c);
  ASSERT(-1, __imag__ c);
  c = a - b;
  ASSERT(2, __real__ c);
  ASSERT(1, __imag__ c);
  c = b + n;
  ASSERT(6, __real__ c);
  ASSERT(-1, __imag__ c);
  c = n - b;
  ASSERT(2, __real__ c);
  ASSERT(1, __imag__ c);
  ci k2 = k + m - 1i;
  ASSERT(11, __real__ k2);
  ASSERT(1, __imag__ k2);

  // A real operand has no imaginary part: -0.0 survives.
  cd nz = 1.0 - 0.0i;
  __imag__ nz = -0.0;
  c = nz + 1.0;
  ASSERT(1, __builtin_signbit(__imag__ c) != 0);
  c = nz - 1.0;
  ASSERT(1, __builtin_signbit(__imag__ c) != 0);

  // Real * complex and complex / real: per part.
  c = b * 3;
  ASSERT(6, __real__ c);
  ASSERT(-3, __imag__ c);
  c = 0.5 * b;
  ASSERT(1, __real__ c);
  ASSERT(-0.5 * 2, __imag__ c * 2);
  c = b / 2;
  ASSERT(1, __real__ c);
  ASSERT(-5, __imag__ c * 10);
  double inf = __builtin_inf();
  cd zi = inf + 0.0i;
  c = zi * 2.0;  // no NaN from inf * 0
  ASSERT(1, __real__ c == inf);
  ASSERT(0, __imag__ c);

  // Integer complex * and /.
  ci p = (3 + 2i) * m;  // (3+2i)(4+2i) = 8 + 14i
  ASSERT(8, __real__ p);
  ASSERT(14, __imag__ p);
  p = m * m;
  ASSERT(12, __real__ p);
  ASSERT(16, __imag__ p);
  ci q = (42 + 5i) / (ci)(7 - 2i);
  ASSERT(6, __real__ q);
  ASSERT(0, __imag__ q);
  ci d1 = 1 - 20i;
  q = (42 + 5i) / d1;
  ASSERT(0, __real__ q);
  ASSERT(2, __imag__ q);
  q = p / 4;
  ASSERT(3, __real__ q);
  ASSERT(4, __imag__ q);
  _Complex unsigned u = 42, w = 7;
  u /= w;
  ASSERT(6, __real__ u);
  ASSERT(0, __imag__ u);

  // Unary operators.
  c = -b;
  ASSERT(-2, __real__ c);
  ASSERT(1, __imag__ c);
  c = ~b;
  ASSERT(2, __real__ c);
  ASSERT(1, __imag__ c);
  c = +b;
  ASSERT(2, __real__ c);
  q = ~m;
  ASSERT(4, __real__ q);
  ASSERT(-2, __imag__ q);
  q = -m;
  ASSERT(-4, __real__ q);
  ASSERT(-2, __imag__ q);

  // Equality.
  ASSERT(1, b == 2.0 - 1.0i);
  ASSERT(0, b != 2.0 - 1.0i);
  ASSERT(0, b == 2.0);
  ASSERT(1, a == 4);
  ASSERT(1, 4.0f == a);
  ASSERT(1, m == 4 + 2i);
  ASSERT(1, m != 4 + 3i);
  ASSERT(1, k == 7);
  ASSERT(1, b == (cf)b);
  cd nan = __builtin_nan("");
  ASSERT(0, nan == nan);
  ASSERT(1, nan != nan);

  // Conversions.
  cf f = b;
  ASSERT(2, __real__ f);
  ASSERT(-1, __imag__ f);
  cld l = f;
  ASSERT(-1, __imag__ l);
  q = b * 3.75;  // complex double -> complex int truncates each part
  ASSERT(7, __real__ q);
  ASSERT(-3, __imag__ q);
  double r = b;
  ASSERT(2, r);
  int ri = (int)(3.5 - 7.0i);
  ASSERT(3, ri);
  ri = m;
  ASSERT(4, ri);
  c = m;
  ASSERT(2, __imag__ c);
  cuc uc = 300 + 257i;
  ASSERT(44, __real__ uc);
  ASSERT(1, __imag__ uc);
  _Bool t = 0.0 + 1.0i;
  ASSERT(1, t);
  cd zero = 0;
  t = zero;
  ASSERT(0, t);
  t = b;
  ASSERT(1, t);

  // Truth values.
  ASSERT(1, !zero);
  ASSERT(0, !b);
  ASSERT(1, zero ? 0 : 1);
  ASSERT(1, b ? 1 : 0);
  int hits = 0;
  if (b) hits++;
  if (zero) hits += 10;
  if (1.0i) hits += 100;
  while (zero) hits += 1000;
  ASSERT(101, hits);
  ASSERT(1, b && m);
  ASSERT(0, zero && m);
  ASSERT(1, zero || b);
  cd imonly = 0;
  __imag__ imonly = 1;
  ASSERT(1, imonly ? 1 : 0);

  // __real__ and __imag__ as lvalues; through pointers and members.
  cd z = 0;
  __real__ z = 5;
  __imag__ z += 6;
  ASSERT(5, __real__ z);
  ASSERT(6, __imag__ z);
  cd *pz = &z;
  __imag__ *pz *= 2;
  ASSERT(12, __imag__ z);
  double *pd = &__real__ z;
  pd[1] = 13;
  ASSERT(13, __imag__ z);
  struct S s = gs;
  __real__ s.z = 8;
  s.k += 1;
  ASSERT(8, __real__ s.z);
  ASSERT(3, __real__ s.k);
  ASSERT(3, __imag__ s.k);

  // Compound assignment, complex and real left operands.
  z = 1 + 2i;
  z += 1;
  z -= 1i;
  z *= 2;
  ASSERT(4, __real__ z);
  ASSERT(2, __imag__ z);
  z /= 2;
  ASSERT(2, __real__ z);
  ASSERT(1, __imag__ z);
  z += b;
  ASSERT(4, __real__ z);
  ASSERT(0, __imag__ z);
  double dd = 1;
  dd += b;  // real part only
  ASSERT(3, dd);
  k = 2 + 1i;
  k *= k;
  ASSERT(3, __real__ k);
  ASSERT(4, __imag__ k);
  cd res = (z += 1i);
  ASSERT(1, __imag__ res);
  cd arr[4] = {0};
  cd *pa = arr;
  *pa++ += 1 + 1i;
  *pa++ = 2 * b;
  ASSERT(1, __imag__ arr[0]);
  ASSERT(-2, __imag__ arr[1]);
  ASSERT(2, pa - arr);

  // ++ and -- (GNU): the real part.
  z = 1 + 1i;
  z++;
  ++z;
  ASSERT(3, __real__ z);
  ASSERT(1, __imag__ z);
  c = z--;
  ASSERT(3, __real__ c);
  ASSERT(2, __real__ z);
  c = --z;
  ASSERT(1, __real__ c);
  ASSERT(1, __imag__ c);

  // ?: with complex operands of different types.
  c = n > 2 ? f : 1.0i;
  ASSERT(2, __real__ c);
  c = n < 2 ? f : 1.0i;
  ASSERT(0, __real__ c);
  ASSERT(1, __imag__ c);
  c = n > 2 ? m : b;
  ASSERT(4, __real__ c);
  ASSERT(2, __imag__ c);
  c = n > 2 ? 3 : b;
  ASSERT(3, __real__ c);
  ASSERT(0, __imag__ c);

  c = n > 2 ? 1.5 : b;
  ASSERT(15, __real__ c * 10);
  ASSERT(0, __imag__ c);
  c = n < 2 ? 1.5 : b;
  ASSERT(-1, __imag__ c);
  c = zero ?: b;
  ASSERT(-1, __imag__ c);
  c = b ?: zero;
  ASSERT(2, __real__ c);
  c = side(zero) ?: 7;
  ASSERT(7, __real__ c);
  ri = m ?: 9;
  ASSERT(4, ri);
  dd = 0;
  c = dd ?: b;
  ASSERT(2, __real__ c);

  // Calls and returns.
  ASSERT(2, re_d(b));
  ASSERT(-1, im_d(b));
  ASSERT(4, re_i(m));
  ASSERT(2, im_i(m));
  ASSERT(7, re_i(7));
  c = id_d(b);
  ASSERT(-1, __imag__ c);
  f = id_f(3 - 4i);
  ASSERT(-4, __imag__ f);
  l = id_ld(l);
  ASSERT(-1, __imag__ l);
  q = id_i(m);
  ASSERT(2, __imag__ q);
  cl lq = id_l(gl);
  ASSERT(-8, __imag__ lq);
  uc = id_uc(uc);
  ASSERT(1, __imag__ uc);
  c = add3(b, f, m);  // (2-1i) + (3-4i) + (4+2i)
  ASSERT(9, __real__ c);
  ASSERT(-3, __imag__ c);
  c = many(1, 2, 3, 4, 5, 6, 7, 8, 9i);
  ASSERT(36, __real__ c);
  ASSERT(9, __imag__ c);
  c = swap_parts(b);
  ASSERT(-1, __real__ c);
  ASSERT(2, __imag__ c);
  ASSERT(2, __real__ id_d(b));
  ASSERT(1, id_d(b) == b);
  ASSERT(-2, __imag__ (id_d(b) + id_d(b)));
  ASSERT(4321 + 5 + 6, vsum(1, 4.0 + 3.0i, (cf)(2 + 1i), (cld)(5 + 6i)));

  // Each operand is evaluated once.
  calls = 0;
  c = side(b) * 2 + side(b);
  ASSERT(2, calls);
  ASSERT(6, __real__ c);
  ASSERT(1, side(b) != 0);

  // Builtins.
  ASSERT(2, __builtin_creal(b));
  ASSERT(-1, __builtin_cimag(b));
  ASSERT(1, __builtin_cimag(__builtin_conj(b)));
  ASSERT(-4, __builtin_cimagf(gf));
  ASSERT(4, __builtin_cimagf(__builtin_conjf(gf)));
  ASSERT(10, __builtin_cimagl(gld));
  ASSERT(9, __builtin_creall(gld));
  ASSERT(-10, __builtin_cimagl(__builtin_conjl(gld)));
  ASSERT(4, __builtin_creal(m));
  ASSERT(sizeof(double), sizeof(__builtin_creal(b)));
  ASSERT(sizeof(float), sizeof(__builtin_crealf(b)));
  ASSERT(sizeof(cld), sizeof(__builtin_conjl(b)));

  // Integer complex elements are not promoted: unsigned char parts wrap,
  // also inside a quotient; a real operand is promoted.
  cuc ua = 10 + 1i, ub = 20 + 0i;
  ASSERT(2, sizeof(ua - ub));
  ASSERT(8, sizeof(ua - 1));
  cuc ud = ua - ub;
  ASSERT(246, __real__ ud);
  ud = (cuc)(17 + 1i) / (cuc)(0 + 7i);
  ASSERT(0, __real__ ud);
  ASSERT(34, __imag__ ud);  // (1*0 - 17) / 7 in unsigned char
  volatile cuc vx = 17 + 1i, vy = 7i;
  ud = vx / vy;
  ASSERT(34, __imag__ ud);

  // sizeof and types.
  ASSERT(16, sizeof(a + 1));
  ASSERT(8, sizeof(f + 1.0f));
  ASSERT(16, sizeof(f + 1.0));
  ASSERT(8, sizeof(m * 2));
  ASSERT(1, __builtin_types_compatible_p(__typeof__(m + 1.0f), _Complex float));
  TEST_DONE();
}
