/* string.c: <string.h> and <strings.h> for cfree's static C library
 * (C11 7.24).  Plain byte loops, with word-at-a-time copying and filling for
 * the bulk of memcpy/memset, which programs lean on. */
#include "libc.h"
#include <stdlib.h>
#include <string.h>

typedef unsigned long word;

RT_WEAK void* memcpy(void* restrict d, const void* restrict s, size_t n) {
  unsigned char* dd = d;
  const unsigned char* ss = s;
  if (n >= 32 && (((uintptr_t)dd | (uintptr_t)ss) & (sizeof(word) - 1)) == 0) {
    for (; n >= 4 * sizeof(word); n -= 4 * sizeof(word), dd += 4 * sizeof(word), ss += 4 * sizeof(word)) {
      word a = ((const word*)ss)[0], b = ((const word*)ss)[1], c = ((const word*)ss)[2], e = ((const word*)ss)[3];
      ((word*)dd)[0] = a;
      ((word*)dd)[1] = b;
      ((word*)dd)[2] = c;
      ((word*)dd)[3] = e;
    }
    for (; n >= sizeof(word); n -= sizeof(word), dd += sizeof(word), ss += sizeof(word)) *(word*)dd = *(const word*)ss;
  }
  while (n--) *dd++ = *ss++;
  return d;
}

RT_WEAK void* memmove(void* d, const void* s, size_t n) {
  unsigned char* dd = d;
  const unsigned char* ss = s;
  if (dd == ss || n == 0) return d;
  if (dd < ss || dd >= ss + n) return memcpy(d, s, n);
  while (n--) dd[n] = ss[n];
  return d;
}

RT_WEAK void* memset(void* d, int c, size_t n) {
  unsigned char* p = d;
  unsigned char b = (unsigned char)c;
  while (n && ((uintptr_t)p & (sizeof(word) - 1))) {
    *p++ = b;
    n--;
  }
  word w = (word)b * (~(word)0 / 255);
  for (; n >= sizeof(word); n -= sizeof(word), p += sizeof(word)) *(word*)p = w;
  while (n--) *p++ = b;
  return d;
}

RT_WEAK int memcmp(const void* a, const void* b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (; n; n--, x++, y++)
    if (*x != *y) return *x - *y;
  return 0;
}
RT_WEAK int bcmp(const void* a, const void* b, size_t n) { return memcmp(a, b, n); }
RT_WEAK void bcopy(const void* s, void* d, size_t n) { memmove(d, s, n); }
RT_WEAK void bzero(void* d, size_t n) { memset(d, 0, n); }

RT_WEAK void* memchr(const void* s, int c, size_t n) {
  const unsigned char* p = s;
  for (; n; n--, p++)
    if (*p == (unsigned char)c) return (void*)p;
  return 0;
}
RT_WEAK void* memrchr(const void* s, int c, size_t n) {
  const unsigned char* p = s;
  while (n--)
    if (p[n] == (unsigned char)c) return (void*)(p + n);
  return 0;
}
RT_WEAK void* mempcpy(void* restrict d, const void* restrict s, size_t n) { return (char*)memcpy(d, s, n) + n; }
RT_WEAK void* memccpy(void* restrict d, const void* restrict s, int c, size_t n) {
  unsigned char* dd = d;
  const unsigned char* ss = s;
  for (; n; n--) {
    if ((*dd++ = *ss++) == (unsigned char)c) return dd;
  }
  return 0;
}
RT_WEAK void* memmem(const void* h, size_t hn, const void* n, size_t nn) {
  const char* hh = h;
  if (nn == 0) return (void*)h;
  for (; hn >= nn; hn--, hh++)
    if (*hh == *(const char*)n && !memcmp(hh, n, nn)) return (void*)hh;
  return 0;
}

RT_WEAK size_t strlen(const char* s) {
  const char* p = s;
  while (*p) p++;
  return (size_t)(p - s);
}
RT_WEAK size_t strnlen(const char* s, size_t n) {
  size_t i = 0;
  while (i < n && s[i]) i++;
  return i;
}
RT_WEAK char* strcpy(char* restrict d, const char* restrict s) {
  char* r = d;
  while ((*d++ = *s++)) {
  }
  return r;
}
RT_WEAK char* stpcpy(char* restrict d, const char* restrict s) {
  while ((*d = *s++)) d++;
  return d;
}
RT_WEAK char* strncpy(char* restrict d, const char* restrict s, size_t n) {
  size_t i = 0;
  for (; i < n && s[i]; i++) d[i] = s[i];
  for (; i < n; i++) d[i] = 0;
  return d;
}
RT_WEAK char* stpncpy(char* restrict d, const char* restrict s, size_t n) {
  size_t i = 0;
  for (; i < n && s[i]; i++) d[i] = s[i];
  char* r = d + i;
  for (; i < n; i++) d[i] = 0;
  return r;
}
RT_WEAK char* strcat(char* restrict d, const char* restrict s) {
  strcpy(d + strlen(d), s);
  return d;
}
RT_WEAK char* strncat(char* restrict d, const char* restrict s, size_t n) {
  char* p = d + strlen(d);
  while (n-- && *s) *p++ = *s++;
  *p = 0;
  return d;
}
RT_WEAK size_t strlcpy(char* restrict d, const char* restrict s, size_t n) {
  size_t l = strlen(s);
  if (n) {
    size_t c = l < n - 1 ? l : n - 1;
    memcpy(d, s, c);
    d[c] = 0;
  }
  return l;
}
RT_WEAK size_t strlcat(char* restrict d, const char* restrict s, size_t n) {
  size_t dl = strnlen(d, n);
  if (dl == n) return n + strlen(s);
  return dl + strlcpy(d + dl, s, n - dl);
}
RT_WEAK int strcmp(const char* a, const char* b) {
  for (; *a && *a == *b; a++, b++) {
  }
  return (unsigned char)*a - (unsigned char)*b;
}
RT_WEAK int strncmp(const char* a, const char* b, size_t n) {
  for (; n; n--, a++, b++) {
    if (*a != *b) return (unsigned char)*a - (unsigned char)*b;
    if (!*a) return 0;
  }
  return 0;
}
RT_WEAK int strcoll(const char* a, const char* b) { return strcmp(a, b); }
RT_WEAK size_t strxfrm(char* restrict d, const char* restrict s, size_t n) {
  size_t l = strlen(s);
  if (l < n) memcpy(d, s, l + 1);
  return l;
}
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
RT_WEAK int strcasecmp(const char* a, const char* b) {
  for (; *a && lower((unsigned char)*a) == lower((unsigned char)*b); a++, b++) {
  }
  return lower((unsigned char)*a) - lower((unsigned char)*b);
}
RT_WEAK int strncasecmp(const char* a, const char* b, size_t n) {
  for (; n; n--, a++, b++) {
    int x = lower((unsigned char)*a), y = lower((unsigned char)*b);
    if (x != y) return x - y;
    if (!x) return 0;
  }
  return 0;
}
RT_WEAK char* strchr(const char* s, int c) {
  for (;; s++) {
    if (*s == (char)c) return (char*)s;
    if (!*s) return 0;
  }
}
RT_WEAK char* strchrnul(const char* s, int c) {
  while (*s && *s != (char)c) s++;
  return (char*)s;
}
RT_WEAK char* index(const char* s, int c) { return strchr(s, c); }
RT_WEAK char* strrchr(const char* s, int c) {
  const char* r = 0;
  for (;; s++) {
    if (*s == (char)c) r = s;
    if (!*s) return (char*)r;
  }
}
RT_WEAK char* rindex(const char* s, int c) { return strrchr(s, c); }
RT_WEAK size_t strspn(const char* s, const char* a) {
  size_t n = 0;
  while (s[n] && strchr(a, s[n])) n++;
  return n;
}
RT_WEAK size_t strcspn(const char* s, const char* r) {
  size_t n = 0;
  while (s[n] && !strchr(r, s[n])) n++;
  return n;
}
RT_WEAK char* strpbrk(const char* s, const char* a) {
  s += strcspn(s, a);
  return *s ? (char*)s : 0;
}
RT_WEAK char* strstr(const char* h, const char* n) {
  size_t l = strlen(n);
  if (!l) return (char*)h;
  for (; *h; h++)
    if (*h == *n && !strncmp(h, n, l)) return (char*)h;
  return 0;
}
RT_WEAK char* strtok_r(char* restrict s, const char* restrict d, char** restrict save) {
  if (!s) s = *save;
  if (!s) return 0;
  s += strspn(s, d);
  if (!*s) {
    *save = 0;
    return 0;
  }
  char* e = s + strcspn(s, d);
  if (*e) *e++ = 0;
  else e = 0;
  *save = e;
  return s;
}
RT_WEAK char* strtok(char* restrict s, const char* restrict d) {
  static char* save;
  return strtok_r(s, d, &save);
}
RT_WEAK char* strsep(char** sp, const char* d) {
  char* s = *sp;
  if (!s) return 0;
  char* e = s + strcspn(s, d);
  if (*e) {
    *e = 0;
    *sp = e + 1;
  } else {
    *sp = 0;
  }
  return s;
}
RT_WEAK char* strdup(const char* s) {
  size_t n = strlen(s) + 1;
  char* d = malloc(n);
  return d ? memcpy(d, s, n) : 0;
}
RT_WEAK char* strndup(const char* s, size_t n) {
  size_t l = strnlen(s, n);
  char* d = malloc(l + 1);
  if (!d) return 0;
  memcpy(d, s, l);
  d[l] = 0;
  return d;
}
RT_WEAK int ffs(int x) { return ffsll((unsigned)x); }
RT_WEAK int ffsl(long x) { return ffsll(x); }
RT_WEAK int ffsll(long long x) {
  unsigned long long v = (unsigned long long)x;
  if (!v) return 0;
  int n = 1;
  while (!(v & 1)) {
    v >>= 1;
    n++;
  }
  return n;
}

static const char* const errstr[] = {
    "Success", "Operation not permitted", "No such file or directory", "No such process",
    "Interrupted system call", "Input/output error", "No such device or address", "Argument list too long",
    "Exec format error", "Bad file descriptor", "No child processes", "Resource temporarily unavailable",
    "Cannot allocate memory", "Permission denied", "Bad address", "Block device required",
    "Device or resource busy", "File exists", "Invalid cross-device link", "No such device",
    "Not a directory", "Is a directory", "Invalid argument", "Too many open files in system",
    "Too many open files", "Inappropriate ioctl for device", "Text file busy", "File too large",
    "No space left on device", "Illegal seek", "Read-only file system", "Too many links", "Broken pipe",
    "Numerical argument out of domain", "Numerical result out of range"};
RT_WEAK char* strerror(int e) {
  static char buf[32];
  if (e >= 0 && e < (int)(sizeof errstr / sizeof *errstr)) return (char*)errstr[e];
  char* p = buf + sizeof buf;
  *--p = 0;
  unsigned v = e < 0 ? -(unsigned)e : (unsigned)e;
  do *--p = (char)('0' + v % 10);
  while (v /= 10);
  if (e < 0) *--p = '-';
  const char* pre = "Unknown error ";
  size_t pl = strlen(pre);
  p -= pl;
  memcpy(p, pre, pl);
  return p;
}
RT_WEAK int strerror_r(int e, char* b, size_t n) {
  strlcpy(b, strerror(e), n);
  return 0;
}
RT_WEAK char* strsignal(int s) {
  static char buf[24] = "Signal ";
  buf[7] = (char)('0' + s / 10 % 10);
  buf[8] = (char)('0' + s % 10);
  buf[9] = 0;
  return buf;
}
