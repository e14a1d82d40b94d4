/* printf.c: the formatting engine of the printf family (C11 7.21.6.1) for
 * cfree's static C library: flags - + space # 0, width and precision (also
 * `*`), length modifiers hh h l ll j z t L q, conversions d i u o x X c s p n
 * % and the floating ones e E f F g G a A, correctly rounded from the exact
 * decimal digits fltconv.c produces (ties to even, as glibc). */
#include "libc.h"
#include <string.h>

static void out(struct rt_sink* s, const char* p, size_t n) {
  if (n) s->put(s, p, n);
  s->len += n;
}
static void pad(struct rt_sink* s, char c, int n) {
  char b[64];
  memset(b, c, sizeof b);
  while (n > 0) {
    int k = n > 64 ? 64 : n;
    out(s, b, (size_t)k);
    n -= k;
  }
}

enum { F_MINUS = 1, F_PLUS = 2, F_SPACE = 4, F_HASH = 8, F_ZERO = 16 };

/* Emit prefix (sign, 0x), zero padding, body with width handling. */
static void emit(struct rt_sink* s, int flags, int width, const char* pre, int prelen, int zeros, const char* body, int blen, const char* tail, int tlen) {
  int total = prelen + zeros + blen + tlen;
  if (!(flags & F_MINUS) && !(flags & F_ZERO)) pad(s, ' ', width - total);
  out(s, pre, (size_t)prelen);
  if (!(flags & F_MINUS) && (flags & F_ZERO)) pad(s, '0', width - total);
  pad(s, '0', zeros);
  out(s, body, (size_t)blen);
  out(s, tail, (size_t)tlen);
  if (flags & F_MINUS) pad(s, ' ', width - total);
}

/* Round digits d[0..n) (value 0.d * 10^(dexp+1)) to keep k digits; returns
 * the new count (k, or 1 for a carry into a new leading digit, which bumps
 * *dexp); k <= 0 rounds to nothing or to one unit at position -k. */
static int round_digits(char* d, int n, int k, int* dexp, int inexact) {
  if (k >= n) {
    if (k > 12050) k = 12050; /* the rest reads as zeros */
    for (int i = n; i < k; i++) d[i] = '0';
    return k;
  }
  int up;
  if (k < 0) {
    up = 0;
  } else {
    char r = d[k];
    int rest = inexact;
    for (int i = k + 1; i < n && !rest; i++) rest = d[i] != '0';
    if (r > '5') up = 1;
    else if (r < '5') up = 0;
    else up = rest || (k > 0 && (d[k - 1] - '0') % 2);
  }
  if (k <= 0) {
    if (!up) return 0;
    d[0] = '1';
    *dexp += 1 - k;  /* the unit at the rounding position */
    return 1;
  }
  if (up) {
    int i = k - 1;
    while (i >= 0 && d[i] == '9') d[i--] = '0';
    if (i < 0) {
      d[0] = '1';
      for (int j = 1; j < k; j++) d[j] = '0';
      (*dexp)++;
    } else {
      d[i]++;
    }
  }
  return k;
}

static char dbuf[12100];

static void fmt_float(struct rt_sink* s, long double v, int is_long, int conv, int flags, int width, int prec) {
  char pre[4];
  int prelen = 0;
  /* The sign bit from the representation (cfree's __builtin_signbit on long
   * double misses -0 and -nan). */
  unsigned char rep[16];
  memcpy(rep, &v, sizeof v);
  int neg = (rep[9] & 0x80) != 0;
  if (neg) pre[prelen++] = '-';
  else if (flags & F_PLUS) pre[prelen++] = '+';
  else if (flags & F_SPACE) pre[prelen++] = ' ';
  int upper = conv >= 'A' && conv <= 'Z';
  int lc = conv | 32;
  if (v != v || (v - v) != (v - v)) {
    const char* t = v != v ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    emit(s, flags & ~F_ZERO, width, pre, prelen, 0, t, 3, "", 0);
    return;
  }
  if (neg) v = -v;
  if (v == 0) v = 0; /* -0 -> +0 for the digit code */
  if (lc == 'a') {
    uint64_t m;
    int e, lead, mbits;
    if (is_long) {
      union { long double x; struct { uint64_t m; uint16_t se; } p; } u;
      u.x = v;
      m = u.p.m;
      int ex = u.p.se & 0x7fff;
      e = m ? (ex ? ex : 1) - 16383 - 3 : 0;
      lead = (int)(m >> 60);
      m <<= 4;
      mbits = 60;
    } else {
      union { double d; uint64_t u; } u;
      u.d = (double)v;
      int ex = (int)((u.u >> 52) & 0x7ff);
      m = (u.u & ((1ULL << 52) - 1)) << 12;
      lead = ex ? 1 : 0;
      e = ex ? ex - 1023 : (m ? -1022 : 0);
      mbits = 52;
    }
    /* m: the fraction digits, left-aligned in 64 bits, mbits of them. */
    int nd = (mbits + 3) / 4;
    if (prec >= 0 && prec < nd) {
      int dropbits = 64 - 4 * prec;
      uint64_t keep = prec ? m >> dropbits : 0;
      uint64_t rem = dropbits >= 64 ? m : m & ((1ULL << dropbits) - 1);
      uint64_t half = 1ULL << (dropbits - 1);
      if (rem > half || (rem == half && ((prec ? keep : (uint64_t)lead) & 1))) {
        keep++;
        if (prec == 0 || (keep >> (4 * prec))) {
          keep = prec ? keep & ((1ULL << (4 * prec)) - 1) : 0;
          lead++;
          if (lead == 16) { /* glibc keeps 0x2p+0 for double, renormalises 0x10 */
            lead = 1;
            e += is_long ? 4 : 1;
          }
        }
      }
      m = prec ? keep << dropbits : 0;
      nd = prec;
    } else if (prec < 0) {
      while (nd > 0 && !((m >> (64 - 4 * nd)) & 15)) nd--;
    }
    char body[40];
    int bl = 0;
    body[bl++] = "0123456789abcdef"[lead];
    if (nd > 0 || (flags & F_HASH)) body[bl++] = '.';
    for (int i = 0; i < nd && i < 16; i++) {
      int dgt = (int)((m >> (60 - 4 * i)) & 15);
      body[bl++] = (upper ? "0123456789ABCDEF" : "0123456789abcdef")[dgt];
    }
    int zeros = prec > 16 ? prec - 16 : 0;
    char tail[16];
    int tl = 0;
    tail[tl++] = upper ? 'P' : 'p';
    tail[tl++] = e < 0 ? '-' : '+';
    unsigned ue = e < 0 ? -(unsigned)e : (unsigned)e;
    char eb[8];
    int el = 0;
    do eb[el++] = (char)('0' + ue % 10);
    while (ue /= 10);
    while (el) tail[tl++] = eb[--el];
    pre[prelen++] = '0';
    pre[prelen++] = upper ? 'X' : 'x';
    /* Zero padding goes between 0x and the digits. */
    if (!(flags & F_MINUS) && (flags & F_ZERO)) {
      int total = prelen + bl + zeros + tl;
      out(s, pre, (size_t)prelen);
      pad(s, '0', width - total);
      out(s, body, (size_t)bl);
      pad(s, '0', zeros);
      out(s, tail, (size_t)tl);
      return;
    }
    /* body then precision zeros then exponent */
    int total = prelen + bl + zeros + tl;
    if (!(flags & F_MINUS)) pad(s, ' ', width - total);
    out(s, pre, (size_t)prelen);
    out(s, body, (size_t)bl);
    pad(s, '0', zeros);
    out(s, tail, (size_t)tl);
    if (flags & F_MINUS) pad(s, ' ', width - total);
    return;
  }
  if (prec < 0) prec = 6;
  int dexp, inexact, n;
  char* d = dbuf;
  if (v == 0) {
    d[0] = '0';
    n = 1;
    dexp = 0;
    inexact = 0;
  } else {
    n = __rt_fp_digits(v, is_long, d, 12000, &dexp, &inexact);
  }
  int style = lc; /* 'e' or 'f' */
  int strip = 0;
  if (lc == 'g') {
    int P = prec == 0 ? 1 : prec;
    int x = dexp;
    if (v != 0) {
      char t[2];
      (void)t;
      /* the exponent after rounding to P significant digits */
      int dx = dexp;
      static char g[12100];
      memcpy(g, d, (size_t)n);
      round_digits(g, n, P, &dx, inexact);
      x = dx;
    }
    if (P > x && x >= -4) {
      style = 'f';
      prec = P - 1 - x;
    } else {
      style = 'e';
      prec = P - 1;
    }
    strip = !(flags & F_HASH);
  }
  static char body[12400];
  int bl = 0;
  char tail[16];
  int tl = 0;
  if (style == 'e') {
    int k = prec + 1;
    if (v != 0) n = round_digits(d, n, k, &dexp, inexact);
    else {
      if (k > 12050) k = 12050;
      for (int i = 1; i < k; i++) d[i] = '0';
      n = k;
    }
    body[bl++] = d[0];
    int fr = k - 1;
    if (strip)
      while (fr > 0 && d[fr] == '0') fr--;
    if (fr > 0 || (flags & F_HASH)) body[bl++] = '.';
    for (int i = 1; i <= fr; i++) body[bl++] = d[i];
    tail[tl++] = upper ? 'E' : 'e';
    int e = v != 0 ? dexp : 0;
    tail[tl++] = e < 0 ? '-' : '+';
    unsigned ue = e < 0 ? -(unsigned)e : (unsigned)e;
    char eb[8];
    int el = 0;
    do eb[el++] = (char)('0' + ue % 10);
    while (ue /= 10);
    if (el < 2) eb[el++] = '0';
    while (el) tail[tl++] = eb[--el];
  } else {
    /* %f: digits up to 10^-prec. */
    int k = dexp + 1 + prec;
    if (v != 0) {
      int odexp = dexp;
      n = round_digits(d, n, k, &dexp, inexact);
      if (n == 0) dexp = odexp; /* rounded to zero */
    } else {
      n = 0;
    }
    /* integer part */
    if (n == 0 || dexp < 0) {
      body[bl++] = '0';
    } else {
      for (int i = 0; i <= dexp; i++) body[bl++] = i < n ? d[i] : '0';
    }
    int fr = prec;
    char* fd = body + bl + 1;
    for (int i = 0; i < prec; i++) {
      int pos = dexp + 1 + i; /* index into d of the digit 10^-(i+1) */
      fd[i] = (n > 0 && pos >= 0 && pos < n) ? d[pos] : '0';
    }
    if (strip)
      while (fr > 0 && fd[fr - 1] == '0') fr--;
    if (fr > 0 || (flags & F_HASH)) {
      body[bl++] = '.';
      bl += fr;
    }
  }
  emit(s, flags, width, pre, prelen, 0, body, bl, tail, tl);
}

int __rt_vformat(struct rt_sink* s, const char* f, va_list ap) {
  s->len = 0;
  while (*f) {
    if (*f != '%') {
      const char* p = f;
      while (*p && *p != '%') p++;
      out(s, f, (size_t)(p - f));
      f = p;
      continue;
    }
    const char* start = f++;
    int flags = 0, width = 0, prec = -1;
    for (;; f++) {
      if (*f == '-') flags |= F_MINUS;
      else if (*f == '+') flags |= F_PLUS;
      else if (*f == ' ') flags |= F_SPACE;
      else if (*f == '#') flags |= F_HASH;
      else if (*f == '0') flags |= F_ZERO;
      else if (*f == '\'' ) {
      } else break;
    }
    if (*f == '*') {
      width = va_arg(ap, int);
      if (width < 0) {
        flags |= F_MINUS;
        width = -width;
      }
      f++;
    } else {
      while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
      f++;
      prec = 0;
      if (*f == '*') {
        prec = va_arg(ap, int);
        if (prec < 0) prec = -1;
        f++;
      } else {
        while (*f >= '0' && *f <= '9') prec = prec * 10 + (*f++ - '0');
      }
    }
    int len = 0; /* 1 hh, 2 h, 3 l, 4 ll, 5 L */
    for (;; f++) {
      if (*f == 'h') len = len == 2 ? 1 : 2;
      else if (*f == 'l') len = len == 3 ? 4 : 3;
      else if (*f == 'q' || *f == 'j') len = 4;
      else if (*f == 'z' || *f == 't') len = 3;
      else if (*f == 'L') len = 5;
      else break;
    }
    int c = *f++;
    char buf[80];
    char pre[3];
    int prelen = 0;
    switch (c) {
      case 'd':
      case 'i': {
        long long v = len >= 3 ? (len == 3 ? va_arg(ap, long) : va_arg(ap, long long)) : va_arg(ap, int);
        if (len == 1) v = (signed char)v;
        else if (len == 2) v = (short)v;
        unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
        if (v < 0) pre[prelen++] = '-';
        else if (flags & F_PLUS) pre[prelen++] = '+';
        else if (flags & F_SPACE) pre[prelen++] = ' ';
        int bl = 0;
        char* e = buf + sizeof buf;
        while (u) {
          *--e = (char)('0' + u % 10);
          u /= 10;
          bl++;
        }
        if (prec < 0 && bl == 0) {
          *--e = '0';
          bl = 1;
        }
        int zeros = prec > bl ? prec - bl : 0;
        emit(s, prec >= 0 ? flags & ~F_ZERO : flags, width, pre, prelen, zeros, e, bl, "", 0);
        break;
      }
      case 'u':
      case 'o':
      case 'x':
      case 'X':
      case 'b':
      case 'p': {
        unsigned long long u;
        if (c == 'p') {
          u = (uintptr_t)va_arg(ap, void*);
          if (!u) {
            emit(s, flags & ~F_ZERO, width, "", 0, 0, "(nil)", 5, "", 0);
            break;
          }
          flags |= F_HASH;
        } else {
          u = len >= 3 ? (len == 3 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned long long)) : va_arg(ap, unsigned);
          if (len == 1) u = (unsigned char)u;
          else if (len == 2) u = (unsigned short)u;
        }
        unsigned base = c == 'o' ? 8 : c == 'u' ? 10 : c == 'b' ? 2 : 16;
        const char* digs = c == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        int bl = 0;
        char* e = buf + sizeof buf;
        int nonzero = u != 0;
        while (u) {
          *--e = digs[u % base];
          u /= base;
          bl++;
        }
        if (prec < 0 && bl == 0) {
          *--e = '0';
          bl = 1;
        }
        int zeros = prec > bl ? prec - bl : 0;
        if ((flags & F_HASH) && c == 'o' && zeros == 0 && (bl == 0 || *e != '0')) zeros = 1;
        if ((flags & F_HASH) && nonzero && (c == 'x' || c == 'X' || c == 'p')) {
          pre[prelen++] = '0';
          pre[prelen++] = c == 'X' ? 'X' : 'x';
        }
        emit(s, prec >= 0 ? flags & ~F_ZERO : flags, width, pre, prelen, zeros, e, bl, "", 0);
        break;
      }
      case 'c': {
        char ch = (char)va_arg(ap, int);
        emit(s, flags & ~F_ZERO, width, "", 0, 0, &ch, 1, "", 0);
        break;
      }
      case 's': {
        const char* str = va_arg(ap, const char*);
        if (!str) str = prec < 0 || prec >= 6 ? "(null)" : "";
        int l = (int)(prec >= 0 ? strnlen(str, (size_t)prec) : strlen(str));
        emit(s, flags & ~F_ZERO, width, "", 0, 0, str, l, "", 0);
        break;
      }
      case 'n': {
        void* p = va_arg(ap, void*);
        if (len == 1) *(signed char*)p = (signed char)s->len;
        else if (len == 2) *(short*)p = (short)s->len;
        else if (len >= 3) *(long*)p = (long)s->len;
        else *(int*)p = (int)s->len;
        break;
      }
      case 'm': {
        const char* str = strerror(errno);
        emit(s, flags & ~F_ZERO, width, "", 0, 0, str, (int)strlen(str), "", 0);
        break;
      }
      case '%':
        out(s, "%", 1);
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
      case 'a':
      case 'A': {
        long double v = len == 5 ? va_arg(ap, long double) : (long double)va_arg(ap, double);
        fmt_float(s, v, len == 5, c, flags, width, prec);
        break;
      }
      default:
        out(s, start, (size_t)(f - start));
        if (!c) return (int)s->len;
        break;
    }
  }
  return (int)s->len;
}
