/* Differential input for cfree as: control flow, switch tables, statics,
   strings, calls through pointers, varargs. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int counter;
int table[16] = {1, 2, 3, 5, 8, 13};
const char *names[] = {"zero", "one", "two", "three"};
static const char greeting[] = "hello, world";

static int bump(int x) { return x + counter++; }

int classify(int x) {
  switch (x) {
    case 0: return 10;
    case 1: return 21;
    case 2: return 32;
    case 3: return 43;
    case 5: return 54;
    case 8: return 65;
    default: return -1;
  }
}

int sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}

int apply(int (*f)(int), int v) { return f(v) + bump(v); }

long long mix(long long a, unsigned b, short c, signed char d) {
  return a * b - (c << 3) + (d >> 1) + (a % 7) + (b / 3u);
}

int main(int argc, char **argv) {
  char buf[64];
  strncpy(buf, argc > 1 ? argv[1] : greeting, sizeof buf - 1);
  buf[63] = 0;
  for (int i = 0; i < argc + 4; i++) table[i & 15] += classify(i) + apply(classify, i);
  printf("%s %d %lld %s\n", buf, sum(3, 1, 2, 3), mix(argc, 5, 7, -3), names[argc & 3]);
  return table[3] & 1;
}
