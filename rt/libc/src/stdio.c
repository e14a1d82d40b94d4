/* stdio.c: buffered streams for cfree's static C library (C11 7.21):
 * FILE over read/write/lseek, fully buffered (line buffered for a terminal
 * stdout, unbuffered stderr), the character and block I/O functions, and the
 * printf family's sinks (stream, fixed buffer, growing buffer). */
#include "libc.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct _rt_file {
  int fd;
  int mode;        /* _IOFBF, _IOLBF, _IONBF */
  int writing;     /* buffer holds output */
  int eof, err;
  int own_buf;
  unsigned char* buf;
  size_t size;
  size_t pos, len; /* reading: next byte and end; writing: bytes pending in [0, pos) */
  int unget;       /* pushed-back character or -1 */
  struct _rt_file* next;
  unsigned char small[1];
};

static unsigned char out_buf[BUFSIZ], in_buf[BUFSIZ];
static struct _rt_file f_stdin = {0, _IOFBF, 0, 0, 0, 0, in_buf, BUFSIZ, 0, 0, -1, 0, {0}};
static struct _rt_file f_stdout = {1, -1, 0, 0, 0, 0, out_buf, BUFSIZ, 0, 0, -1, &f_stdin, {0}};
static struct _rt_file f_stderr = {2, _IONBF, 0, 0, 0, 0, 0, 0, 0, 0, -1, &f_stdout, {0}};
FILE* stdin = &f_stdin;
FILE* stdout = &f_stdout;
FILE* stderr = &f_stderr;
static struct _rt_file* files = &f_stderr;

static int write_all(int fd, const unsigned char* p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

static int flush_out(FILE* f) {
  if (!f->writing || !f->pos) return 0;
  int r = write_all(f->fd, f->buf, f->pos);
  f->pos = 0;
  if (r) f->err = 1;
  return r ? EOF : 0;
}

RT_WEAK int fflush(FILE* f) {
  if (!f) {
    int r = 0;
    for (FILE* g = files; g; g = g->next)
      if (g->writing && fflush(g)) r = EOF;
    return r;
  }
  if (f->writing) return flush_out(f);
  /* Input stream: drop the buffer, moving the file offset back. */
  if (f->len > f->pos) lseek(f->fd, -(off_t)(f->len - f->pos), SEEK_CUR);
  f->pos = f->len = 0;
  f->unget = -1;
  return 0;
}

void __rt_stdio_exit(void) { fflush(0); }

static void setmode(FILE* f) {
  if (f->mode < 0) f->mode = isatty(f->fd) ? _IOLBF : _IOFBF;
}

static int to_write(FILE* f) {
  if (!f->writing) {
    if (f->len > f->pos) lseek(f->fd, -(off_t)(f->len - f->pos), SEEK_CUR);
    f->pos = f->len = 0;
    f->unget = -1;
    f->writing = 1;
  }
  setmode(f);
  return 0;
}

static int put_bytes(FILE* f, const void* p, size_t n) {
  to_write(f);
  const unsigned char* s = p;
  if (f->mode == _IONBF || !f->buf) {
    if (write_all(f->fd, s, n)) {
      f->err = 1;
      return EOF;
    }
    return 0;
  }
  if (n >= f->size) {
    if (flush_out(f) || write_all(f->fd, s, n)) {
      f->err = 1;
      return EOF;
    }
    return 0;
  }
  if (f->pos + n > f->size && flush_out(f)) return EOF;
  memcpy(f->buf + f->pos, s, n);
  f->pos += n;
  if (f->mode == _IOLBF && memchr(s, '\n', n)) return flush_out(f);
  return 0;
}

static int refill(FILE* f) {
  if (f->writing) {
    if (flush_out(f)) return EOF;
    f->writing = 0;
  }
  if (f == stdin) {
    /* Reading stdin flushes a line-buffered stdout first (as glibc). */
    if (f_stdout.writing && f_stdout.mode == _IOLBF) flush_out(&f_stdout);
  }
  unsigned char* b = f->buf ? f->buf : f->small;
  size_t cap = f->buf ? f->size : 1;
  ssize_t r;
  do r = read(f->fd, b, cap);
  while (r < 0 && errno == EINTR);
  if (r <= 0) {
    if (r < 0) f->err = 1;
    else f->eof = 1;
    f->pos = f->len = 0;
    return EOF;
  }
  f->pos = 0;
  f->len = (size_t)r;
  return 0;
}

RT_WEAK int fgetc(FILE* f) {
  if (f->unget >= 0) {
    int c = f->unget;
    f->unget = -1;
    return c;
  }
  if (f->writing || f->pos >= f->len) {
    if (refill(f)) return EOF;
  }
  return (f->buf ? f->buf : f->small)[f->pos++];
}
RT_WEAK int getc(FILE* f) { return fgetc(f); }
RT_WEAK int getchar(void) { return fgetc(stdin); }
RT_WEAK int getc_unlocked(FILE* f) { return fgetc(f); }
RT_WEAK int getchar_unlocked(void) { return fgetc(stdin); }

RT_WEAK int ungetc(int c, FILE* f) {
  if (c == EOF) return EOF;
  if (f->writing) fflush(f), f->writing = 0;
  f->unget = (unsigned char)c;
  f->eof = 0;
  return (unsigned char)c;
}

RT_WEAK int fputc(int c, FILE* f) {
  unsigned char ch = (unsigned char)c;
  if (f->writing && f->mode == _IOFBF && f->pos < f->size) {
    f->buf[f->pos++] = ch;
    return ch;
  }
  return put_bytes(f, &ch, 1) ? EOF : ch;
}
RT_WEAK int putc(int c, FILE* f) { return fputc(c, f); }
RT_WEAK int putchar(int c) { return fputc(c, stdout); }
RT_WEAK int putc_unlocked(int c, FILE* f) { return fputc(c, f); }
RT_WEAK int putchar_unlocked(int c) { return fputc(c, stdout); }

RT_WEAK int fputs(const char* restrict s, FILE* restrict f) { return put_bytes(f, s, strlen(s)) ? EOF : 1; }
RT_WEAK int fputs_unlocked(const char* s, FILE* f) { return fputs(s, f); }
RT_WEAK int puts(const char* s) {
  if (put_bytes(stdout, s, strlen(s))) return EOF;
  return fputc('\n', stdout) == EOF ? EOF : 1;
}

RT_WEAK char* fgets(char* restrict s, int n, FILE* restrict f) {
  int i = 0;
  if (n <= 0) return 0;
  while (i < n - 1) {
    int c = fgetc(f);
    if (c == EOF) break;
    s[i++] = (char)c;
    if (c == '\n') break;
  }
  if (i == 0) return 0;
  s[i] = 0;
  return s;
}

RT_WEAK ssize_t getdelim(char** restrict lp, size_t* restrict np, int delim, FILE* restrict f) {
  size_t i = 0;
  if (!*lp || !*np) {
    *np = 128;
    *lp = realloc(*lp, *np);
    if (!*lp) return -1;
  }
  for (;;) {
    int c = fgetc(f);
    if (c == EOF) break;
    if (i + 2 > *np) {
      char* b = realloc(*lp, *np * 2);
      if (!b) return -1;
      *lp = b;
      *np *= 2;
    }
    (*lp)[i++] = (char)c;
    if (c == delim) break;
  }
  (*lp)[i] = 0;
  return i ? (ssize_t)i : -1;
}
RT_WEAK ssize_t getline(char** restrict lp, size_t* restrict np, FILE* restrict f) { return getdelim(lp, np, '\n', f); }

RT_WEAK size_t fread(void* restrict p, size_t sz, size_t n, FILE* restrict f) {
  size_t total = sz * n, got = 0;
  unsigned char* d = p;
  if (!total) return 0;
  if (f->unget >= 0) {
    d[got++] = (unsigned char)f->unget;
    f->unget = -1;
  }
  while (got < total) {
    if (!f->writing && f->pos < f->len) {
      size_t k = f->len - f->pos;
      if (k > total - got) k = total - got;
      memcpy(d + got, (f->buf ? f->buf : f->small) + f->pos, k);
      f->pos += k;
      got += k;
      continue;
    }
    if (refill(f)) break;
  }
  return got / sz;
}

RT_WEAK size_t fwrite(const void* restrict p, size_t sz, size_t n, FILE* restrict f) {
  size_t total = sz * n;
  if (!total) return 0;
  return put_bytes(f, p, total) ? 0 : n;
}
RT_WEAK size_t fwrite_unlocked(const void* p, size_t sz, size_t n, FILE* f) { return fwrite(p, sz, n, f); }

static int parse_mode(const char* m) {
  int fl;
  switch (*m) {
    case 'r': fl = O_RDONLY; break;
    case 'w': fl = O_WRONLY | O_CREAT | O_TRUNC; break;
    case 'a': fl = O_WRONLY | O_CREAT | O_APPEND; break;
    default: errno = EINVAL; return -1;
  }
  for (m++; *m; m++) {
    if (*m == '+') fl = (fl & ~O_ACCMODE) | O_RDWR;
    else if (*m == 'x') fl |= O_EXCL;
    else if (*m == 'e') fl |= O_CLOEXEC;
  }
  return fl;
}

static FILE* new_file(int fd) {
  FILE* f = calloc(1, sizeof *f + BUFSIZ);
  if (!f) return 0;
  f->fd = fd;
  f->mode = -1;
  f->buf = (unsigned char*)(f + 1);
  f->size = BUFSIZ;
  f->unget = -1;
  f->next = files;
  files = f;
  return f;
}

RT_WEAK FILE* fopen(const char* restrict path, const char* restrict mode) {
  int fl = parse_mode(mode);
  if (fl < 0) return 0;
  int fd = open(path, fl, 0666);
  if (fd < 0) return 0;
  FILE* f = new_file(fd);
  if (!f) close(fd);
  return f;
}
RT_WEAK FILE* fdopen(int fd, const char* mode) {
  if (parse_mode(mode) < 0) return 0;
  return new_file(fd);
}
RT_WEAK FILE* freopen(const char* restrict path, const char* restrict mode, FILE* restrict f) {
  fflush(f);
  int fl = parse_mode(mode);
  if (fl < 0 || !path) return 0;
  int fd = open(path, fl, 0666);
  if (fd < 0) return 0;
  dup2(fd, f->fd);
  close(fd);
  f->eof = f->err = 0;
  f->pos = f->len = 0;
  f->writing = 0;
  f->unget = -1;
  return f;
}

RT_WEAK int fclose(FILE* f) {
  int r = fflush(f);
  if (close(f->fd) < 0) r = EOF;
  if (f == stdin || f == stdout || f == stderr) return r;
  for (FILE** p = &files; *p; p = &(*p)->next)
    if (*p == f) {
      *p = f->next;
      break;
    }
  if (f->own_buf) free(f->buf);
  free(f);
  return r;
}

RT_WEAK int setvbuf(FILE* restrict f, char* restrict buf, int mode, size_t size) {
  f->mode = mode;
  if (mode == _IONBF) {
    f->buf = 0;
    f->size = 0;
  } else if (buf && size) {
    f->buf = (unsigned char*)buf;
    f->size = size;
  }
  return 0;
}
RT_WEAK void setbuf(FILE* restrict f, char* restrict buf) { setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ); }

RT_WEAK int fseeko(FILE* f, off_t off, int whence) {
  if (f->writing) {
    if (flush_out(f)) return -1;
  } else if (whence == SEEK_CUR) {
    off -= (off_t)(f->len - f->pos) + (f->unget >= 0);
  }
  f->pos = f->len = 0;
  f->unget = -1;
  if (lseek(f->fd, off, whence) < 0) return -1;
  f->eof = 0;
  return 0;
}
RT_WEAK int fseek(FILE* f, long off, int whence) { return fseeko(f, off, whence); }
RT_WEAK off_t ftello(FILE* f) {
  off_t p = lseek(f->fd, 0, SEEK_CUR);
  if (p < 0) return -1;
  if (f->writing) return p + (off_t)f->pos;
  return p - (off_t)(f->len - f->pos) - (f->unget >= 0);
}
RT_WEAK long ftell(FILE* f) { return ftello(f); }
RT_WEAK void rewind(FILE* f) {
  fseek(f, 0, SEEK_SET);
  f->err = 0;
}
RT_WEAK int fgetpos(FILE* restrict f, fpos_t* restrict p) {
  *p = ftell(f);
  return *p < 0 ? -1 : 0;
}
RT_WEAK int fsetpos(FILE* f, const fpos_t* p) { return fseek(f, *p, SEEK_SET); }
RT_WEAK void clearerr(FILE* f) { f->eof = f->err = 0; }
RT_WEAK int feof(FILE* f) { return f->eof; }
RT_WEAK int ferror(FILE* f) { return f->err; }
RT_WEAK int fileno(FILE* f) { return f->fd; }

RT_WEAK void perror(const char* s) {
  if (s && *s) fprintf(stderr, "%s: %s\n", s, strerror(errno));
  else fprintf(stderr, "%s\n", strerror(errno));
}

RT_WEAK FILE* tmpfile(void) {
  char name[] = "/tmp/tmpfileXXXXXX";
  int fd = mkstemp(name);
  if (fd < 0) return 0;
  unlink(name);
  return fdopen(fd, "w+");
}
RT_WEAK char* tmpnam(char* s) {
  static char buf[L_tmpnam];
  static unsigned n;
  char* d = s ? s : buf;
  unsigned v = (unsigned)getpid() * 65599u + n++;
  strcpy(d, "/tmp/t");
  char* p = d + 6;
  for (int i = 0; i < 8; i++, v /= 26) *p++ = (char)('a' + v % 26);
  *p = 0;
  return d;
}
RT_WEAK char* mktemp(char* t) {
  static unsigned n;
  size_t l = strlen(t);
  unsigned v = (unsigned)getpid() * 2654435761u + n++ * 40503u;
  for (size_t i = l; i > 0 && t[i - 1] == 'X'; i--, v = v / 36 + v * 7) t[i - 1] = "abcdefghijklmnopqrstuvwxyz0123456789"[v % 36];
  return t;
}
RT_WEAK int mkstemp(char* t) {
  size_t l = strlen(t);
  char save[8];
  if (l < 6) {
    errno = EINVAL;
    return -1;
  }
  memcpy(save, t + l - 6, 6);
  for (int tries = 0; tries < 100; tries++) {
    memcpy(t + l - 6, save, 6);
    mktemp(t);
    int fd = open(t, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

/* ---- printf sinks ---- */
static void put_file(struct rt_sink* s, const char* p, size_t n) {
  if (put_bytes((FILE*)s->file, p, n)) s->err = 1;
}
static void put_fixed(struct rt_sink* s, const char* p, size_t n) {
  if (s->len < s->cap) {
    size_t k = s->cap - s->len;
    memcpy(s->buf + s->len, p, n < k ? n : k);
  }
}
static void put_grow(struct rt_sink* s, const char* p, size_t n) {
  if (s->err) return;
  if (s->len + n + 1 > s->cap) {
    size_t c = s->cap ? s->cap : 64;
    while (c < s->len + n + 1) c *= 2;
    char* b = realloc(s->buf, c);
    if (!b) {
      s->err = 1;
      return;
    }
    s->buf = b;
    s->cap = c;
  }
  memcpy(s->buf + s->len, p, n);
}

RT_WEAK int vfprintf(FILE* restrict f, const char* restrict fmt, va_list ap) {
  struct rt_sink s = {put_file, 0, 0, 0, f, 0};
  int n = __rt_vformat(&s, fmt, ap);
  return s.err ? -1 : n;
}
RT_WEAK int vprintf(const char* restrict fmt, va_list ap) { return vfprintf(stdout, fmt, ap); }
RT_WEAK int vsnprintf(char* restrict b, size_t n, const char* restrict fmt, va_list ap) {
  struct rt_sink s = {put_fixed, b, 0, n ? n - 1 : 0, 0, 0};
  int r = __rt_vformat(&s, fmt, ap);
  if (n) b[(size_t)r < n - 1 ? (size_t)r : n - 1] = 0;
  return r;
}
RT_WEAK int vsprintf(char* restrict b, const char* restrict fmt, va_list ap) { return vsnprintf(b, (size_t)-1 >> 1, fmt, ap); }
RT_WEAK int vasprintf(char** r, const char* fmt, va_list ap) {
  struct rt_sink s = {put_grow, 0, 0, 0, 0, 0};
  int n = __rt_vformat(&s, fmt, ap);
  if (s.err || !(s.buf || (s.buf = malloc(1)))) {
    free(s.buf);
    *r = 0;
    return -1;
  }
  s.buf[n] = 0;
  *r = s.buf;
  return n;
}
RT_WEAK int vdprintf(int fd, const char* restrict fmt, va_list ap) {
  char* b;
  int n = vasprintf(&b, fmt, ap);
  if (n < 0) return n;
  write_all(fd, (unsigned char*)b, (size_t)n);
  free(b);
  return n;
}

#define VA(call)         \
  va_list ap;            \
  va_start(ap, fmt);     \
  int r = call;          \
  va_end(ap);            \
  return r;
RT_WEAK int printf(const char* restrict fmt, ...) { VA(vfprintf(stdout, fmt, ap)) }
RT_WEAK int fprintf(FILE* restrict f, const char* restrict fmt, ...) { VA(vfprintf(f, fmt, ap)) }
RT_WEAK int sprintf(char* restrict b, const char* restrict fmt, ...) { VA(vsprintf(b, fmt, ap)) }
RT_WEAK int snprintf(char* restrict b, size_t n, const char* restrict fmt, ...) { VA(vsnprintf(b, n, fmt, ap)) }
RT_WEAK int asprintf(char** b, const char* fmt, ...) { VA(vasprintf(b, fmt, ap)) }
RT_WEAK int dprintf(int fd, const char* restrict fmt, ...) { VA(vdprintf(fd, fmt, ap)) }

/* glibc's fortified entry points (-D_FORTIFY_SOURCE objects). */
RT_WEAK int __printf_chk(int flag, const char* restrict fmt, ...) { (void)flag; VA(vfprintf(stdout, fmt, ap)) }
RT_WEAK int __fprintf_chk(FILE* f, int flag, const char* restrict fmt, ...) { (void)flag; VA(vfprintf(f, fmt, ap)) }
RT_WEAK int __sprintf_chk(char* b, int flag, size_t n, const char* fmt, ...) { (void)flag; (void)n; VA(vsprintf(b, fmt, ap)) }
RT_WEAK int __snprintf_chk(char* b, size_t n, int flag, size_t m, const char* fmt, ...) { (void)flag; (void)m; VA(vsnprintf(b, n, fmt, ap)) }
RT_WEAK int __vprintf_chk(int flag, const char* fmt, va_list ap) { (void)flag; return vfprintf(stdout, fmt, ap); }
RT_WEAK int __vfprintf_chk(FILE* f, int flag, const char* fmt, va_list ap) { (void)flag; return vfprintf(f, fmt, ap); }
RT_WEAK int __vsprintf_chk(char* b, int flag, size_t n, const char* fmt, va_list ap) { (void)flag; (void)n; return vsprintf(b, fmt, ap); }
RT_WEAK int __vsnprintf_chk(char* b, size_t n, int flag, size_t m, const char* fmt, va_list ap) { (void)flag; (void)m; return vsnprintf(b, n, fmt, ap); }
