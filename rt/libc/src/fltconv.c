/* fltconv.c: exact conversions between binary floating point and decimal
 * for cfree's static C library: the digit generator behind printf's %e %f
 * %g and the parser behind strtod/strtof/strtold (C11 7.21.6.1, 7.22.1.3,
 * both "correctly rounded" to nearest-even).
 *
 * Both use big integers, never floating arithmetic: a value m * 2^e prints
 * as the exact decimal expansion of m * 2^e (e >= 0) or m * 5^-e / 10^-e;
 * a decimal D * 10^E parses by computing q = floor(D * 10^E * 2^s) to a few
 * bits beyond the format's precision by long division, with a sticky bit
 * for the remainder, and rounding that once.  Formats: IEEE binary32 and
 * binary64, and the x87 80-bit long double (x86-64 psABI 3.1.2).
 */
#include "libc.h"
#include <string.h>
#include <ctype.h>

typedef unsigned __int128 u128;

#define BIGW 1400 /* 32-bit words: 10^4951 * 2^(64+4) and 5^16445 * 2^64 fit */

typedef struct {
  int n; /* words in use; w[n-1] != 0 unless n == 0 */
  uint32_t w[BIGW];
} big;

static void big_set(big* b, uint64_t v) {
  b->n = 0;
  while (v) {
    b->w[b->n++] = (uint32_t)v;
    v >>= 32;
  }
}

static void big_mul_small(big* b, uint32_t m) {
  uint64_t carry = 0;
  for (int i = 0; i < b->n; i++) {
    uint64_t t = (uint64_t)b->w[i] * m + carry;
    b->w[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry && b->n < BIGW) b->w[b->n++] = (uint32_t)carry;
}

static void big_add_small(big* b, uint32_t a) {
  uint64_t carry = a;
  for (int i = 0; carry && i < b->n; i++) {
    uint64_t t = (uint64_t)b->w[i] + carry;
    b->w[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry && b->n < BIGW) b->w[b->n++] = (uint32_t)carry;
}

static void big_mul_pow5(big* b, int k) {
  for (; k >= 13; k -= 13) big_mul_small(b, 1220703125u); /* 5^13 */
  uint32_t m = 1;
  while (k--) m *= 5;
  if (m != 1) big_mul_small(b, m);
}

static void big_shl(big* b, int k) {
  if (b->n == 0 || k <= 0) return;
  int words = k / 32, bits = k % 32;
  int n = b->n + words + 1;
  if (n > BIGW) n = BIGW;
  for (int i = n - 1; i >= 0; i--) {
    int src = i - words;
    uint32_t hi = src >= 0 && src < b->n ? b->w[src] : 0;
    uint32_t lo = src - 1 >= 0 && src - 1 < b->n ? b->w[src - 1] : 0;
    b->w[i] = bits ? (hi << bits) | (lo >> (32 - bits)) : hi;
  }
  b->n = n;
  while (b->n && !b->w[b->n - 1]) b->n--;
}

static void big_shr1(big* b) {
  for (int i = 0; i < b->n; i++) b->w[i] = (b->w[i] >> 1) | (i + 1 < b->n ? b->w[i + 1] << 31 : 0);
  while (b->n && !b->w[b->n - 1]) b->n--;
}

static uint32_t big_divmod_small(big* b, uint32_t d) {
  uint64_t r = 0;
  for (int i = b->n - 1; i >= 0; i--) {
    uint64_t t = (r << 32) | b->w[i];
    b->w[i] = (uint32_t)(t / d);
    r = t % d;
  }
  while (b->n && !b->w[b->n - 1]) b->n--;
  return (uint32_t)r;
}

static int big_bitlen(const big* b) {
  if (!b->n) return 0;
  uint32_t top = b->w[b->n - 1];
  int l = 0;
  while (top) {
    l++;
    top >>= 1;
  }
  return (b->n - 1) * 32 + l;
}

static int big_cmp(const big* a, const big* b) {
  if (a->n != b->n) return a->n < b->n ? -1 : 1;
  for (int i = a->n - 1; i >= 0; i--)
    if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
  return 0;
}

static void big_sub(big* a, const big* b) { /* a -= b, a >= b */
  int64_t borrow = 0;
  for (int i = 0; i < a->n; i++) {
    int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
    borrow = t < 0;
    a->w[i] = (uint32_t)t;
  }
  while (a->n && !a->w[a->n - 1]) a->n--;
}

/* ---- decomposition ---- */
/* |v| = m * 2^e with m an integer; returns 0 for zero, -1 inf, -2 nan. */
static int decompose(long double v, int is_long, uint64_t* m, int* e) {
  if (is_long) {
    union { long double x; struct { uint64_t m; uint16_t se; } p; } u;
    u.x = v;
    int ex = u.p.se & 0x7fff;
    if (ex == 0x7fff) return (u.p.m << 1) ? -2 : -1;
    if (!u.p.m) return 0;
    *m = u.p.m;
    *e = (ex ? ex : 1) - 16383 - 63;
    return 1;
  }
  union { double d; uint64_t u; } u;
  u.d = (double)v;
  int ex = (int)((u.u >> 52) & 0x7ff);
  uint64_t f = u.u & ((1ULL << 52) - 1);
  if (ex == 0x7ff) return f ? -2 : -1;
  if (!ex && !f) return 0;
  *m = ex ? f | (1ULL << 52) : f;
  *e = (ex ? ex : 1) - 1075;
  return 1;
}

int __rt_fp_digits(long double v, int is_long, char* buf, int cap, int* dexp, int* inexact) {
  uint64_t m;
  int e;
  *inexact = 0;
  if (decompose(v, is_long, &m, &e) <= 0) {
    buf[0] = '0';
    *dexp = 0;
    return 1;
  }
  static big n; /* single-threaded library; keeps 5 KiB off the stack */
  big_set(&n, m);
  int shift = 0;
  if (e >= 0) {
    big_shl(&n, e);
  } else {
    big_mul_pow5(&n, -e);
    shift = -e;
  }
  /* Digits in chunks of nine, least significant first, into the end of buf. */
  static char tmp[12000];
  int len = 0;
  while (n.n) {
    uint32_t r = big_divmod_small(&n, 1000000000u);
    for (int k = 0; k < 9; k++) {
      tmp[sizeof tmp - 1 - len++] = (char)('0' + r % 10);
      r /= 10;
    }
  }
  char* d = tmp + sizeof tmp - len;
  while (len > 1 && *d == '0') {
    d++;
    len--;
  }
  *dexp = len - 1 - shift;
  while (len > 1 && d[len - 1] == '0') len--;
  if (len > cap) {
    for (int i = cap; i < len; i++)
      if (d[i] != '0') *inexact = 1;
    len = cap;
  }
  memcpy(buf, d, (size_t)len);
  return len;
}

/* ---- parsing ---- */
struct fmt { int prec, min_lsb, max_exp; }; /* significand bits, lsb exponent of the least subnormal, bias+... */
static const struct fmt fmts[3] = {{24, -149, 128}, {53, -1074, 1024}, {64, -16445, 16384}};

static long double make(int kind, int neg, u128 kept, int lsb, int* range) {
  const struct fmt* f = &fmts[kind];
  /* value = kept * 2^lsb, kept < 2^prec (or == 2^prec after rounding) */
  if (kept == 0) {
    *range = 1;
    return neg ? -0.0L : 0.0L;
  }
  uint64_t k = (uint64_t)kept;
  if (kind == 2) {
    union { long double x; struct { uint64_t m; uint16_t se; } p; } u;
    u.p.m = k;
    int top = 63;
    while (!(k >> top)) top--;
    int ex = lsb + top; /* exponent of the leading bit */
    if (ex >= f->max_exp) {
      *range = 1;
      u.p.m = 1ULL << 63;
      u.p.se = 0x7fff;
    } else if (top < 63) {
      *range = 1; /* subnormal: lsb is the minimum */
      u.p.se = 0;
    } else {
      u.p.se = (uint16_t)(ex + 16383);
    }
    if (neg) u.p.se |= 0x8000;
    return u.x;
  }
  int mbits = f->prec - 1;
  int top = 63;
  while (!(k >> top)) top--;
  int ex = lsb + top;
  uint64_t bits;
  int bias = f->max_exp - 1;
  if (ex >= f->max_exp) {
    *range = 1;
    bits = (uint64_t)(2 * f->max_exp - 1) << mbits;
  } else if (top < mbits) {
    *range = 1;
    bits = k;
  } else {
    bits = ((uint64_t)(ex + bias) << mbits) | (k & ((1ULL << mbits) - 1));
  }
  if (kind == 1) {
    union { double d; uint64_t u; } u;
    u.u = bits | ((uint64_t)neg << 63);
    return u.d;
  }
  union { float f; uint32_t u; } u;
  u.u = (uint32_t)bits | ((uint32_t)neg << 31);
  return u.f;
}

/* Round q * 2^-s (plus a sticky fraction below q's lsb) to the format. */
static long double round_to(int kind, int neg, u128 q, int sticky, int s, int* range) {
  const struct fmt* f = &fmts[kind];
  int nb = 0;
  for (u128 t = q; t; t >>= 1) nb++;
  if (nb == 0) return neg ? -0.0L : 0.0L;
  int drop = nb - f->prec;
  if (drop - s < f->min_lsb) drop = f->min_lsb + s;
  if (drop > nb) return make(kind, neg, 0, 0, range);
  u128 kept = drop > 0 ? q >> drop : q << -drop;
  if (drop > 0) {
    u128 rem = q & ((((u128)1) << drop) - 1), half = ((u128)1) << (drop - 1);
    if (rem > half || (rem == half && (sticky || (kept & 1)))) kept++;
  }
  int lsb = drop - s;
  if (kept >> f->prec) {
    kept >>= 1;
    lsb++;
  }
  return make(kind, neg, kept, lsb, range);
}

static int ieq(const char* s, const char* w) { /* case-insensitive prefix */
  for (; *w; s++, w++)
    if (tolower((unsigned char)*s) != *w) return 0;
  return 1;
}

long double __rt_strtofp(const char* s, char** end, int kind) {
  const char* p = s;
  int neg = 0, range = 0;
  while (isspace((unsigned char)*p)) p++;
  if (*p == '+' || *p == '-') neg = *p++ == '-';
  if (ieq(p, "inf")) {
    p += ieq(p, "infinity") ? 8 : 3;
    if (end) *end = (char*)p;
    long double inf = (long double)__builtin_inf();
    return neg ? -inf : inf;
  }
  if (ieq(p, "nan")) {
    p += 3;
    if (*p == '(') {
      const char* q = p + 1;
      while (isalnum((unsigned char)*q) || *q == '_') q++;
      if (*q == ')') p = q + 1;
    }
    if (end) *end = (char*)p;
    long double nan = (long double)__builtin_nan("");
    return neg ? -nan : nan;
  }
  long double r;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && (isxdigit((unsigned char)p[2]) || (p[2] == '.' && isxdigit((unsigned char)p[3])))) {
    p += 2;
    u128 q = 0;
    int sticky = 0, bexp = 0, any = 0, digits = 0;
    for (int point = 0;; p++) {
      int c = (unsigned char)*p, d;
      if (c == '.' && !point) {
        point = 1;
        continue;
      }
      if (!isxdigit(c)) break;
      d = isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
      any = 1;
      if (digits < 29) {
        q = (q << 4) | (unsigned)d;
        if (q) digits++;
        if (point) bexp -= 4;
      } else {
        if (d) sticky = 1;
        if (!point) bexp += 4;
      }
    }
    (void)any;
    if ((*p == 'p' || *p == 'P')) {
      const char* e = p + 1;
      int eneg = 0;
      if (*e == '+' || *e == '-') eneg = *e++ == '-';
      if (isdigit((unsigned char)*e)) {
        long v = 0;
        while (isdigit((unsigned char)*e)) {
          if (v < 100000) v = v * 10 + (*e - '0');
          e++;
        }
        bexp += (int)(eneg ? -v : v);
        p = e;
      }
    }
    if (end) *end = (char*)p;
    int nb = 0;
    for (u128 t = q; t; t >>= 1) nb++;
    int s = -bexp;
    if (nb && nb < 70) {
      q <<= 70 - nb;
      s += 70 - nb;
    }
    r = round_to(kind, neg, q, sticky, s, &range);
  } else {
    /* Decimal: up to MAXD significant digits, the rest only a sticky bit. */
    enum { MAXD = 800 };
    static char dig[MAXD];
    int nd = 0, dexp = 0, sticky = 0, seen = 0, point = 0;
    for (;; p++) {
      int c = (unsigned char)*p;
      if (c == '.' && !point) {
        point = 1;
        continue;
      }
      if (!isdigit(c)) break;
      seen = 1;
      if (nd == 0 && c == '0') {
        if (point) dexp--;
        continue;
      }
      if (nd < MAXD) {
        dig[nd++] = (char)(c - '0');
        if (point) dexp--;
      } else {
        if (c != '0') sticky = 1;
        if (!point) dexp++;
      }
    }
    if (!seen) {
      if (end) *end = (char*)s;
      return 0;
    }
    if (*p == 'e' || *p == 'E') {
      const char* e = p + 1;
      int eneg = 0;
      if (*e == '+' || *e == '-') eneg = *e++ == '-';
      if (isdigit((unsigned char)*e)) {
        long v = 0;
        while (isdigit((unsigned char)*e)) {
          if (v < 1000000) v = v * 10 + (*e - '0');
          e++;
        }
        dexp += (int)(eneg ? -v : v);
        p = e;
      }
    }
    if (end) *end = (char*)p;
    while (nd > 0 && dig[nd - 1] == 0) {
      nd--;
      dexp++;
    }
    if (nd == 0) return neg ? -0.0L : 0.0L;
    if (nd + dexp > 4934 + 20) {
      r = make(kind, neg, 1, 1 << 20, &range);
    } else if (nd + dexp < -4951 - 20) {
      r = make(kind, neg, 0, 0, &range);
    } else {
      static big num, den;
      big_set(&num, 0);
      for (int i = 0; i < nd; i++) {
        big_mul_small(&num, 10);
        big_add_small(&num, (uint32_t)dig[i]);
      }
      big_set(&den, 1);
      if (dexp >= 0) {
        big_mul_pow5(&num, dexp);
        big_shl(&num, dexp);
      } else {
        big_mul_pow5(&den, -dexp);
        big_shl(&den, -dexp);
      }
      const int want = 68; /* q gets 68..69 bits: > 64 + 2 */
      int b = big_bitlen(&num) - big_bitlen(&den);
      int s = want - b;
      if (s > 0) big_shl(&num, s);
      else big_shl(&den, -s);
      /* q = num / den < 2^(want+1): binary long division. */
      u128 q = 0;
      big_shl(&den, want + 1);
      for (int i = want + 1; i >= 0; i--) {
        if (big_cmp(&num, &den) >= 0) {
          big_sub(&num, &den);
          q |= ((u128)1) << i;
        }
        big_shr1(&den);
      }
      r = round_to(kind, neg, q, sticky || num.n != 0, s, &range);
    }
  }
  if (range) errno = ERANGE;
  return r;
}
