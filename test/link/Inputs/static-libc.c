/* Self-checking program for cfree's static C library (`cfree cc -static`):
 * malloc/calloc/realloc/aligned_alloc/free, qsort and bsearch, setjmp and
 * longjmp, atexit order, constructors, _Thread_local, stdio on a file
 * (fwrite, fseek, ftell, fread, ungetc, fgets, fscanf), getenv, signal and
 * raise, strtol, string functions, time.  Prints "ok" and the atexit lines. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static int ctor_ran;
__attribute__((constructor)) static void ctor(void) { ctor_ran = 42; }
static _Thread_local int tls_counter = 7;
static void bye1(void) { puts("atexit 1"); }
static void bye2(void) { puts("atexit 2"); }

static int cmp_int(const void* a, const void* b) {
  int x = *(const int*)a, y = *(const int*)b;
  return (x > y) - (x < y);
}

static jmp_buf jb;
static int depth;
static void dive(int n) {
  depth = n;
  if (n == 50) longjmp(jb, n);
  dive(n + 1);
}

static volatile sig_atomic_t got_signal;
static void on_usr1(int s) { got_signal = s; }

int main(int argc, char** argv) {
  CHECK(argc >= 1 && argv[0] != 0);
  CHECK(ctor_ran == 42);
  CHECK(tls_counter == 7);
  tls_counter++;
  CHECK(tls_counter == 8);

  /* malloc */
  void* ptrs[1000];
  for (int i = 0; i < 1000; i++) {
    size_t n = (size_t)(i * 37 % 5000) + 1;
    ptrs[i] = malloc(n);
    CHECK(ptrs[i] && ((unsigned long)ptrs[i] & 15) == 0);
    memset(ptrs[i], i & 255, n);
  }
  for (int i = 0; i < 1000; i += 2) free(ptrs[i]);
  for (int i = 1; i < 1000; i += 2) CHECK(((unsigned char*)ptrs[i])[0] == (i & 255));
  for (int i = 1; i < 1000; i += 2) free(ptrs[i]);
  char* big = malloc(10 << 20);
  CHECK(big != 0);
  big[(10 << 20) - 1] = 1;
  big = realloc(big, 20 << 20);
  CHECK(big && big[(10 << 20) - 1] == 1);
  free(big);
  int* z = calloc(1000, sizeof *z);
  int allzero = 1;
  for (int i = 0; i < 1000; i++) allzero &= z[i] == 0;
  CHECK(allzero);
  z = realloc(z, 4000 * sizeof *z);
  CHECK(z[999] == 0);
  free(z);
  void* al = aligned_alloc(256, 1000);
  CHECK(al && ((unsigned long)al & 255) == 0);
  free(al);

  /* qsort, bsearch */
  int a[2000];
  unsigned s = 12345;
  for (int i = 0; i < 2000; i++) a[i] = (int)((s = s * 1103515245u + 12345u) >> 8) % 1000;
  qsort(a, 2000, sizeof *a, cmp_int);
  int sorted = 1;
  for (int i = 1; i < 2000; i++) sorted &= a[i - 1] <= a[i];
  CHECK(sorted);
  int key = a[777];
  int* hit = bsearch(&key, a, 2000, sizeof *a, cmp_int);
  CHECK(hit && *hit == key);
  key = 5000;
  CHECK(bsearch(&key, a, 2000, sizeof *a, cmp_int) == 0);

  /* setjmp / longjmp */
  volatile int stage = 0;
  int r = setjmp(jb);
  if (r == 0) {
    stage = 1;
    dive(0);
  }
  CHECK(r == 50 && stage == 1 && depth == 50);

  /* stdio on a file */
  char name[] = "/tmp/cfree-static-XXXXXX";
  int fd = mkstemp(name);
  CHECK(fd >= 0);
  close(fd);
  FILE* f = fopen(name, "w+");
  CHECK(f != 0);
  for (int i = 0; i < 1000; i++) fprintf(f, "line %d %g\n", i, i / 4.0);
  CHECK(ftell(f) > 10000);
  rewind(f);
  char line[64];
  CHECK(fgets(line, sizeof line, f) && strcmp(line, "line 0 0\n") == 0);
  int c = fgetc(f);
  CHECK(c == 'l');
  CHECK(ungetc(c, f) == 'l');
  int num;
  double val;
  CHECK(fscanf(f, "line %d %lf", &num, &val) == 2 && num == 1 && val == 0.25);
  CHECK(fseek(f, -4, SEEK_END) == 0);
  CHECK(fgets(line, sizeof line, f) && strcmp(line, ".75\n") == 0);
  CHECK(fgetc(f) == EOF && feof(f));
  fclose(f);
  f = fopen(name, "rb");
  char buf[20000];
  size_t n = fread(buf, 1, sizeof buf, f);
  CHECK(n > 10000 && n < 20000 && memcmp(buf + n - 16, "line 999 249.75\n", 16) == 0);
  fclose(f);
  CHECK(remove(name) == 0);
  CHECK(fopen(name, "r") == 0 && errno == ENOENT);

  /* environment, strings, conversions */
  CHECK(getenv("CFREE_STATIC_TEST") && strcmp(getenv("CFREE_STATIC_TEST"), "yes") == 0);
  CHECK(getenv("CFREE_NO_SUCH_VARIABLE") == 0);
  CHECK(strtol("-0x1F", 0, 16) == -31 && strtoul("777", 0, 8) == 511);
  errno = 0;
  CHECK(strtol("99999999999999999999", 0, 10) == 9223372036854775807L && errno == ERANGE);
  CHECK(atoi("  42abc") == 42);
  CHECK(strcmp(strstr("hello world", "o w"), "o world") == 0);
  CHECK(strncmp("abc", "abd", 2) == 0 && strcmp("abc", "abd") < 0);
  CHECK(strlen(strrchr("a/b/c", '/')) == 2 && strcspn("hello", "lo") == 2);
  char tok[] = "a,b,,c";
  CHECK(strcmp(strtok(tok, ","), "a") == 0 && strcmp(strtok(0, ","), "b") == 0 && strcmp(strtok(0, ","), "c") == 0);
  CHECK(toupper('q') == 'Q' && isdigit('7') && !isalpha('7') && isspace('\n'));
  char sb[32];
  CHECK(snprintf(sb, sizeof sb, "%05.1f|%-4s|%x", 3.14159, "ab", 255) == 13 && strcmp(sb, "003.1|ab  |ff") == 0);

  /* math */
  CHECK(sqrt(2.0) == 1.4142135623730951 && fabs(-3.5) == 3.5 && floor(-1.5) == -2 && ceil(1.2) == 2);
  CHECK(fabs(sin(1.0) - 0.8414709848078965) < 1e-15 && fabs(exp(1.0) - 2.718281828459045) < 1e-15);
  CHECK(fabs(log(10.0) - 2.302585092994046) < 1e-15 && pow(2, 10) == 1024 && fmod(10.5, 3) == 1.5);
  CHECK(fabs(atan2(1, 1) - 0.7853981633974483) < 1e-15);

  /* signals, time */
  CHECK(signal(SIGUSR1, on_usr1) != SIG_ERR);
  CHECK(raise(SIGUSR1) == 0 && got_signal == SIGUSR1);
  struct timespec t0, t1;
  CHECK(clock_gettime(CLOCK_MONOTONIC, &t0) == 0);
  for (volatile int i = 0; i < 100000; i++) {
  }
  CHECK(clock_gettime(CLOCK_MONOTONIC, &t1) == 0);
  CHECK(t1.tv_sec > t0.tv_sec || (t1.tv_sec == t0.tv_sec && t1.tv_nsec >= t0.tv_nsec));
  CHECK(time(0) > 1600000000);

  atexit(bye1);
  atexit(bye2);
  printf(fails ? "failed\n" : "ok\n");
  return fails ? 1 : 3;
}
