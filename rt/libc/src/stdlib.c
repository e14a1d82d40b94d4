/* stdlib.c: <stdlib.h> for cfree's static C library: integer conversion
 * (strtol family, C11 7.22.1.4), qsort/bsearch (7.22.5), the environment,
 * rand (the same sequence as glibc's default TYPE_3 generator, so programs
 * print the same numbers), abs/div. */
#include "libc.h"
#include <ctype.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Unsigned magnitude parse shared by strtol & co.: *neg gets the sign,
 * *ovf is set when the value exceeds max. */
static unsigned long long parse_int(const char* s, char** end, int base, unsigned long long max, int* neg, int* ovf) {
  const char* p = s;
  *neg = 0;
  *ovf = 0;
  while (isspace((unsigned char)*p)) p++;
  if (*p == '+' || *p == '-') *neg = *p++ == '-';
  if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2])) {
    p += 2;
    base = 16;
  } else if ((base == 0 || base == 2) && p[0] == '0' && (p[1] == 'b' || p[1] == 'B') && (p[2] == '0' || p[2] == '1')) {
    p += 2;
    base = 2;
  } else if (base == 0) {
    base = *p == '0' ? 8 : 10;
  }
  if (base < 2 || base > 36) {
    errno = EINVAL;
    if (end) *end = (char*)s;
    return 0;
  }
  unsigned long long v = 0;
  const char* start = p;
  for (;; p++) {
    int c = (unsigned char)*p, d;
    if (isdigit(c)) d = c - '0';
    else if (islower(c)) d = c - 'a' + 10;
    else if (isupper(c)) d = c - 'A' + 10;
    else break;
    if (d >= base) break;
    if (v > (max - (unsigned)d) / (unsigned)base) *ovf = 1;
    else v = v * (unsigned)base + (unsigned)d;
  }
  if (end) *end = (char*)(p == start ? s : p);
  return v;
}

RT_WEAK long long strtoll(const char* restrict s, char** restrict e, int b) {
  int neg, ovf;
  unsigned long long v = parse_int(s, e, b, (unsigned long long)LLONG_MAX + 1, &neg, &ovf);
  if (ovf || (!neg && v > LLONG_MAX)) {
    errno = ERANGE;
    return neg ? LLONG_MIN : LLONG_MAX;
  }
  return neg ? (long long)(0 - v) : (long long)v;
}
RT_WEAK long strtol(const char* restrict s, char** restrict e, int b) { return strtoll(s, e, b); }
RT_WEAK unsigned long long strtoull(const char* restrict s, char** restrict e, int b) {
  int neg, ovf;
  unsigned long long v = parse_int(s, e, b, ULLONG_MAX, &neg, &ovf);
  if (ovf) {
    errno = ERANGE;
    return ULLONG_MAX;
  }
  return neg ? 0 - v : v;
}
RT_WEAK unsigned long strtoul(const char* restrict s, char** restrict e, int b) { return strtoull(s, e, b); }
RT_WEAK intmax_t strtoimax(const char* restrict s, char** restrict e, int b) { return strtoll(s, e, b); }
RT_WEAK uintmax_t strtoumax(const char* restrict s, char** restrict e, int b) { return strtoull(s, e, b); }
RT_WEAK int atoi(const char* s) { return (int)strtol(s, 0, 10); }
RT_WEAK long atol(const char* s) { return strtol(s, 0, 10); }
RT_WEAK long long atoll(const char* s) { return strtoll(s, 0, 10); }
RT_WEAK double atof(const char* s) { return strtod(s, 0); }

RT_WEAK int abs(int x) { return x < 0 ? -x : x; }
RT_WEAK long labs(long x) { return x < 0 ? -x : x; }
RT_WEAK long long llabs(long long x) { return x < 0 ? -x : x; }
RT_WEAK intmax_t imaxabs(intmax_t x) { return x < 0 ? -x : x; }
RT_WEAK div_t div(int a, int b) { div_t r = {a / b, a % b}; return r; }
RT_WEAK ldiv_t ldiv(long a, long b) { ldiv_t r = {a / b, a % b}; return r; }
RT_WEAK lldiv_t lldiv(long long a, long long b) { lldiv_t r = {a / b, a % b}; return r; }
RT_WEAK imaxdiv_t imaxdiv(intmax_t a, intmax_t b) { imaxdiv_t r = {a / b, a % b}; return r; }

/* ---- sorting and searching ---- */
static void swap_bytes(char* a, char* b, size_t n) {
  while (n--) {
    char t = *a;
    *a++ = *b;
    *b++ = t;
  }
}

/* Quicksort (median of three, recursion on the smaller side) with insertion
 * sort for short runs. */
static void qsort_r_(char* base, size_t n, size_t w, int (*cmp)(const void*, const void*)) {
  while (n > 12) {
    char *lo = base, *mid = base + (n / 2) * w, *hi = base + (n - 1) * w;
    if (cmp(mid, lo) < 0) swap_bytes(mid, lo, w);
    if (cmp(hi, mid) < 0) {
      swap_bytes(hi, mid, w);
      if (cmp(mid, lo) < 0) swap_bytes(mid, lo, w);
    }
    swap_bytes(mid, base, w); /* pivot at base */
    char *i = base + w, *j = hi;
    for (;;) {
      while (i <= j && cmp(i, base) < 0) i += w;
      while (i <= j && cmp(base, j) < 0) j -= w;
      if (i >= j) break;
      swap_bytes(i, j, w);
      i += w;
      j -= w;
    }
    swap_bytes(base, j, w);
    size_t left = (size_t)(j - base) / w, right = n - left - 1;
    if (left < right) {
      qsort_r_(base, left, w, cmp);
      base = j + w;
      n = right;
    } else {
      qsort_r_(j + w, right, w, cmp);
      n = left;
    }
  }
  for (size_t i = 1; i < n; i++)
    for (char* p = base + i * w; p > base && cmp(p - w, p) > 0; p -= w) swap_bytes(p - w, p, w);
}
RT_WEAK void qsort(void* base, size_t n, size_t w, int (*cmp)(const void*, const void*)) {
  if (w) qsort_r_(base, n, w, cmp);
}

RT_WEAK void* bsearch(const void* key, const void* base, size_t n, size_t w, int (*cmp)(const void*, const void*)) {
  const char* b = base;
  while (n) {
    const char* m = b + (n / 2) * w;
    int c = cmp(key, m);
    if (c == 0) return (void*)m;
    if (c > 0) {
      b = m + w;
      n = n - n / 2 - 1;
    } else {
      n /= 2;
    }
  }
  return 0;
}

/* ---- environment ---- */
extern char** environ;
RT_WEAK char* getenv(const char* name) {
  size_t l = strlen(name);
  for (char** e = environ; e && *e; e++)
    if (!strncmp(*e, name, l) && (*e)[l] == '=') return *e + l + 1;
  return 0;
}
static int env_owned;
static int env_put(char* entry, size_t namelen, int overwrite) {
  size_t n = 0;
  for (char** e = environ; e && *e; e++, n++)
    if (!strncmp(*e, entry, namelen) && (*e)[namelen] == '=') {
      if (overwrite) *e = entry;
      return 0;
    }
  char** ne = malloc((n + 2) * sizeof *ne);
  if (!ne) return -1;
  if (n) memcpy(ne, environ, n * sizeof *ne);
  ne[n] = entry;
  ne[n + 1] = 0;
  if (env_owned) free(environ);
  environ = ne;
  env_owned = 1;
  return 0;
}
RT_WEAK int setenv(const char* name, const char* value, int overwrite) {
  size_t l = strlen(name), vl = strlen(value);
  if (!l || strchr(name, '=')) {
    errno = EINVAL;
    return -1;
  }
  char* s = malloc(l + vl + 2);
  if (!s) return -1;
  memcpy(s, name, l);
  s[l] = '=';
  memcpy(s + l + 1, value, vl + 1);
  return env_put(s, l, overwrite);
}
RT_WEAK int putenv(char* s) {
  char* eq = strchr(s, '=');
  return eq ? env_put(s, (size_t)(eq - s), 1) : -1;
}
RT_WEAK int unsetenv(const char* name) {
  size_t l = strlen(name);
  char** d = environ;
  for (char** e = environ; e && *e; e++)
    if (!(strncmp(*e, name, l) == 0 && (*e)[l] == '=')) *d++ = *e;
  if (d) *d = 0;
  return 0;
}
RT_WEAK int system(const char* cmd) {
  (void)cmd;
  return cmd ? -1 : 0;
}

/* ---- rand: glibc's random_r TYPE_3 (x[i] = x[i-3] + x[i-31]) ---- */
static int32_t rtab[34];
static int rf, rr, rinit;
RT_WEAK void srand(unsigned seed) {
  int32_t r[34];
  r[0] = (int32_t)(seed ? seed : 1);
  for (int i = 1; i < 31; i++) {
    long hi = r[i - 1] / 127773, lo = r[i - 1] % 127773;
    long w = 16807 * lo - 2836 * hi;
    if (w < 0) w += 2147483647;
    r[i] = (int32_t)w;
  }
  for (int i = 0; i < 31; i++) rtab[i] = r[i];
  rf = 3;
  rr = 0;
  rinit = 1;
  for (int i = 0; i < 310; i++) rand();
}
RT_WEAK int rand(void) {
  if (!rinit) srand(1);
  rtab[rf] = (int32_t)((uint32_t)rtab[rf] + (uint32_t)rtab[rr]);
  int result = (int)((uint32_t)rtab[rf] >> 1);
  if (++rf >= 31) rf = 0;
  if (++rr >= 31) rr = 0;
  return result;
}
RT_WEAK long random(void) { return rand(); }
RT_WEAK void srandom(unsigned s) { srand(s); }

RT_WEAK int mblen(const char* s, size_t n) { return s && n && *s ? 1 : 0; }
RT_WEAK char* setlocale(int c, const char* l) {
  (void)c;
  return (!l || !*l || !strcmp(l, "C") || !strcmp(l, "POSIX")) ? (char*)"C" : 0;
}

RT_WEAK _Noreturn void __assert_fail(const char* e, const char* file, unsigned line, const char* fn) {
  extern int fprintf(void*, const char*, ...);
  extern void* stderr;
  fprintf(stderr, "%s:%u: %s: Assertion `%s' failed.\n", file, line, fn, e);
  abort();
}
