/* Math functions of cfree's static C library against glibc's: this program
 * prints results in hex (%a) for random arguments; static-math.test builds it
 * both ways and Inputs/ulpdiff.py bounds the difference per function in ulps. */
#include <stdio.h>
#include <math.h>
#include <string.h>
static unsigned long long st = 88172645463325252ULL;
static double r(double lo, double hi) { st ^= st << 13; st ^= st >> 7; st ^= st << 17; return lo + (hi - lo) * ((st >> 11) * (1.0 / 9007199254740992.0)); }
int main(void) {
  for (int i = 0; i < 2000; i++) {
    double x = r(-10, 10), y = r(0.001, 100), z = r(-1, 1), w = r(-700, 700), p = r(-50, 50);
    printf("%a %a %a %a %a %a %a %a %a %a %a %a %a %a %a %a %a %a %a %a %a %a %a\n",
      sin(x), cos(x), tan(x), exp(x), log(y), log10(y), log2(y), sqrt(y), atan(x), atan2(x, z), asin(z), acos(z),
      pow(y, p), sinh(x), cosh(x), tanh(x), exp(w), fmod(w, x), cbrt(x), hypot(x, y), log1p(y), expm1(z), sin(w*1000));
  }
}
