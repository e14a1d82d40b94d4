/* Differential test of cfree's static C library (rt/libc) against the
 * system's: the same program, built with `cfree cc -static` and with plain
 * `cfree cc` (glibc), must print the same bytes.  It exercises printf's
 * integer and floating conversions (exact decimal expansion, rounding
 * ties, %a, flags, widths, precisions), strtod/strtof/strtold on random and
 * hard decimal inputs, snprintf's return value, and sscanf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long st = 0x853c49e6748fea9bULL;
static unsigned long long rnd(void) {
  st ^= st << 13;
  st ^= st >> 7;
  st ^= st << 17;
  return st;
}

static double rdouble(void) {
  unsigned long long b = rnd();
  double d;
  if (rnd() % 3 == 0) {
    /* moderate magnitudes, where %f is readable */
    b = (b & 0x800fffffffffffffULL) | ((unsigned long long)(1023 - 30 + rnd() % 60) << 52);
  }
  memcpy(&d, &b, sizeof d);
  return d;
}

int main(void) {
  static const char* const ffmt[] = {"%.17g", "%g", "%e", "%.3e", "%a", "%.0e", "%#g", "%+.10e",
                                     "%-12.4g|", "%A", "%.3a", "%.0a", "%G", "%.25g"};
  static const char* const mfmt[] = {"%f", "%.0f", "%.1f", "%010.3f", "%.30f", "% .2f", "%#.0f"};
  for (int i = 0; i < 3000; i++) {
    double d = rdouble();
    for (unsigned k = 0; k < sizeof ffmt / sizeof *ffmt; k++) {
      printf(ffmt[k], d);
      putchar(' ');
    }
    if (d > -1e20 && d < 1e20)
      for (unsigned k = 0; k < sizeof mfmt / sizeof *mfmt; k++) {
        printf(mfmt[k], d);
        putchar(' ');
      }
    putchar('\n');
  }
  /* Ties: exactly representable halves round to even. */
  double ties[] = {0.5, 1.5, 2.5, 0.125, 0.375, 1e22, 2.675, 1e23, 5e-324, 2.2250738585072014e-308,
                   1.7976931348623157e308, 0.0, -0.0, 123456789.125, 9.5, 10.5, 0.05};
  for (unsigned i = 0; i < sizeof ties / sizeof *ties; i++)
    printf("%.0f %.1f %.2f %.0e %.1e %g %.20g %a\n", ties[i], ties[i], ties[i], ties[i], ties[i], ties[i], ties[i], ties[i]);
  /* long double */
  for (int i = 0; i < 500; i++) {
    long double x;
    unsigned long long m = rnd() | (1ULL << 63);
    unsigned short se = (unsigned short)(rnd() % 32767);
    memset(&x, 0, sizeof x);
    memcpy(&x, &m, 8);
    memcpy((char*)&x + 8, &se, 2);
    printf("%.21Lg %Le %La %.3Lf\n", x, x, x, x > 1e30L || x < -1e30L ? 0.0L : x);
  }
  /* strtod / strtof / strtold on random decimal strings, and hard cases. */
  for (int i = 0; i < 3000; i++) {
    char buf[80];
    int nd = 1 + (int)(rnd() % 25);
    int p = 0;
    if (rnd() & 1) buf[p++] = '-';
    for (int k = 0; k < nd; k++) {
      buf[p++] = (char)('0' + rnd() % 10);
      if (k == 0 && (rnd() & 1)) buf[p++] = '.';
    }
    int e = (int)(rnd() % 700) - 350;
    if (rnd() % 4 == 0) e = (int)(rnd() % 80) - 40;
    if (rnd() % 8 == 0) e = (int)(rnd() % 10000) - 5000;
    p += sprintf(buf + p, "e%d", e);
    char* end;
    double d = strtod(buf, &end);
    float f = strtof(buf, 0);
    long double ld = strtold(buf, 0);
    printf("%s %a %a %La %d\n", buf, d, (double)f, ld, (int)(end - buf));
  }
  static const char* const hard[] = {"9007199254740993", "9007199254740992.5", "2.2250738585072011e-308",
                                     "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9406564584124654e-324",
                                     "1e23", "8.589973e9", "1e-400", "1e400", "0x1.8p1", "0x.0000000000001p-1022",
                                     "  +12.5e+1xyz", "inf", "-Infinity", "nan", "0x1p-1075", "0x3p-1076",
                                     "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
                                     "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
                                     "3.4028235677973366e38", "3.4028235677973367e38", "1.17549435e-38", "7.0064923216240854e-46",
                                     "1.18973149535723176502e+4932", "1.18973149535723176508e+4932", "3.6451995318824746025e-4951"};
  for (unsigned i = 0; i < sizeof hard / sizeof *hard; i++) {
    char* end;
    double d = strtod(hard[i], &end);
    printf("%s -> %a %a %La %d\n", hard[i], d, (double)strtof(hard[i], 0), strtold(hard[i], 0), (int)(end - hard[i]));
  }
  /* integers, strings, characters */
  long long iv[] = {0, 1, -1, 42, -42, 2147483647, -2147483647 - 1, 9223372036854775807LL, -9223372036854775807LL - 1, 255, 4096};
  for (unsigned i = 0; i < sizeof iv / sizeof *iv; i++)
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%x] [%#X] [%o] [%#o] [%lld] [%llu] [%#llx] [%hhd] [%hu] [%8.3x] [%-#8x]\n",
           (int)iv[i], (int)iv[i], (int)iv[i], (int)iv[i], (int)iv[i], (int)iv[i], (int)iv[i], (unsigned)iv[i], (unsigned)iv[i],
           (unsigned)iv[i], (unsigned)iv[i], iv[i], (unsigned long long)iv[i], (unsigned long long)iv[i], (signed char)iv[i],
           (unsigned short)iv[i], (unsigned)iv[i], (unsigned)iv[i]);
  printf("[%s] [%10s] [%-10s] [%.2s] [%c] [%5c] [%%] [%zu] [%ld]\n", "abc", "abc", "abc", "abc", 'x', 'y', sizeof(long), -5L);
  char small[8];
  int n = snprintf(small, sizeof small, "%s-%d", "abcdef", 12345);
  printf("snprintf %d [%s] %d\n", n, small, snprintf(0, 0, "%g", 1e100));
  int a, b;
  unsigned u;
  double sd;
  char w[16], cl[16];
  int got = sscanf("  12 -7 0x1f 2.5e3 word [abc]", "%d %i %x %lf %15s [%15[a-z]]", &a, &b, &u, &sd, w, cl);
  printf("sscanf %d %d %d %u %g %s %s\n", got, a, b, u, sd, w, cl);
  long l1 = strtol("  -0x7fz", 0, 0), l2 = strtol("0777", 0, 0);
  unsigned long l3 = strtoul("18446744073709551615", 0, 10);
  printf("strtol %ld %ld %lu %lld\n", l1, l2, l3, strtoll("99999999999999999999", 0, 10));
  return 0;
}
