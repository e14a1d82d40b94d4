/* scanf.c: the scanf family (C11 7.21.6.2) for cfree's static C library,
 * over a character source that is a stream or a string: conversions d i u o
 * x X c s [ p n % and e f g a (through strtold's exact parser), with field
 * widths, `*` suppression and the hh h l ll j z t L length modifiers. */
#include "libc.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct src {
  FILE* f;
  const char* s;
  int count; /* characters consumed */
};
static int get(struct src* in) {
  int c = in->f ? fgetc(in->f) : (*in->s ? (unsigned char)*in->s++ : EOF);
  if (c != EOF) in->count++;
  return c;
}
static void unget(struct src* in, int c) {
  if (c == EOF) return;
  in->count--;
  if (in->f) ungetc(c, in->f);
  else in->s--;
}

static void store_int(void* p, int len, unsigned long long v) {
  switch (len) {
    case 1: *(char*)p = (char)v; break;
    case 2: *(short*)p = (short)v; break;
    case 3: *(long*)p = (long)v; break;
    case 4: *(long long*)p = (long long)v; break;
    default: *(int*)p = (int)v; break;
  }
}

static int vscan(struct src* in, const char* f, va_list ap) {
  int assigned = 0, c;
  for (; *f; f++) {
    if (isspace((unsigned char)*f)) {
      while (isspace(c = get(in))) {
      }
      unget(in, c);
      continue;
    }
    if (*f != '%' || f[1] == '%') {
      if (*f == '%') f++;
      c = get(in);
      if (c != (unsigned char)*f) {
        unget(in, c);
        return c == EOF && !assigned ? EOF : assigned;
      }
      continue;
    }
    f++;
    int skip = 0, width = 0, len = 0;
    if (*f == '*') {
      skip = 1;
      f++;
    }
    while (isdigit((unsigned char)*f)) width = width * 10 + (*f++ - '0');
    for (;; f++) {
      if (*f == 'h') len = len == 2 ? 1 : 2;
      else if (*f == 'l') len = len == 3 ? 4 : 3;
      else if (*f == 'q' || *f == 'j') len = 4;
      else if (*f == 'z' || *f == 't') len = 3;
      else if (*f == 'L') len = 5;
      else break;
    }
    int conv = *f;
    if (conv == 'n') {
      if (!skip) store_int(va_arg(ap, void*), len, (unsigned long long)in->count);
      continue;
    }
    if (conv != 'c' && conv != '[') {
      while (isspace(c = get(in))) {
      }
      unget(in, c);
    }
    if (width == 0) width = conv == 'c' ? 1 : 1 << 30;
    char buf[512];
    int n = 0;
    if (conv == 'c' || conv == 's' || conv == '[') {
      char* d = skip ? 0 : va_arg(ap, char*);
      unsigned char set[256];
      if (conv == '[') {
        int neg = 0;
        f++;
        if (*f == '^') {
          neg = 1;
          f++;
        }
        memset(set, neg, sizeof set);
        if (*f == ']') set[(unsigned char)*f++] = (unsigned char)!neg;
        for (; *f && *f != ']'; f++) {
          if (f[1] == '-' && f[2] && f[2] != ']') {
            for (int ch = (unsigned char)f[0]; ch <= (unsigned char)f[2]; ch++) set[ch] = (unsigned char)!neg;
            f += 2;
          } else {
            set[(unsigned char)*f] = (unsigned char)!neg;
          }
        }
      }
      while (n < width) {
        c = get(in);
        if (c == EOF) break;
        if ((conv == 's' && isspace(c)) || (conv == '[' && !set[c])) {
          unget(in, c);
          break;
        }
        if (d) d[n] = (char)c;
        n++;
      }
      if (n == 0 || (conv == 'c' && n < width)) return assigned ? assigned : (c == EOF ? EOF : assigned);
      if (d && conv != 'c') d[n] = 0;
      if (d) assigned++;
      continue;
    }
    /* numbers: collect the longest plausible prefix, then convert */
    int is_float = conv == 'e' || conv == 'f' || conv == 'g' || conv == 'a' || conv == 'E' || conv == 'F' || conv == 'G' || conv == 'A';
    if (width > (int)sizeof buf - 1) width = (int)sizeof buf - 1;
    while (n < width) {
      c = get(in);
      if (c == EOF) break;
      int ok;
      if (is_float) ok = isalnum(c) || c == '.' || ((c == '+' || c == '-') && (n == 0 || buf[n - 1] == 'e' || buf[n - 1] == 'E' || buf[n - 1] == 'p' || buf[n - 1] == 'P'));
      else ok = isalnum(c) || ((c == '+' || c == '-') && n == 0);
      if (!ok) {
        unget(in, c);
        break;
      }
      buf[n++] = (char)c;
    }
    buf[n] = 0;
    char* end;
    if (is_float) {
      long double v = strtold(buf, &end);
      if (end == buf) return assigned ? assigned : (n == 0 && c == EOF ? EOF : assigned);
      if (!skip) {
        void* p = va_arg(ap, void*);
        if (len == 5) *(long double*)p = v;
        else if (len == 3) *(double*)p = (double)v;
        else *(float*)p = (float)v;
        assigned++;
      }
    } else {
      int base = conv == 'd' || conv == 'u' ? 10 : conv == 'i' ? 0 : conv == 'o' ? 8 : 16;
      unsigned long long v = (conv == 'd' || conv == 'i') ? (unsigned long long)strtoll(buf, &end, base) : strtoull(buf, &end, base);
      if (end == buf) return assigned ? assigned : (n == 0 && c == EOF ? EOF : assigned);
      if (!skip) {
        void* p = va_arg(ap, void*);
        if (conv == 'p') *(void**)p = (void*)(uintptr_t)v;
        else store_int(p, len, v);
        assigned++;
      }
    }
    /* give back what strtol did not use */
    for (char* q = buf + n; q > end;) unget(in, (unsigned char)*--q);
  }
  return assigned;
}

RT_WEAK int vfscanf(FILE* restrict f, const char* restrict fmt, va_list ap) {
  struct src in = {f, 0, 0};
  return vscan(&in, fmt, ap);
}
RT_WEAK int vscanf(const char* restrict fmt, va_list ap) { return vfscanf(stdin, fmt, ap); }
RT_WEAK int vsscanf(const char* restrict s, const char* restrict fmt, va_list ap) {
  struct src in = {0, s, 0};
  return vscan(&in, fmt, ap);
}
RT_WEAK int scanf(const char* restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfscanf(stdin, fmt, ap);
  va_end(ap);
  return r;
}
RT_WEAK int fscanf(FILE* restrict f, const char* restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfscanf(f, fmt, ap);
  va_end(ap);
  return r;
}
RT_WEAK int sscanf(const char* restrict s, const char* restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsscanf(s, fmt, ap);
  va_end(ap);
  return r;
}

RT_WEAK double strtod(const char* restrict s, char** restrict e) { return (double)__rt_strtofp(s, e, 1); }
RT_WEAK float strtof(const char* restrict s, char** restrict e) { return (float)__rt_strtofp(s, e, 0); }
RT_WEAK long double strtold(const char* restrict s, char** restrict e) { return __rt_strtofp(s, e, 2); }
