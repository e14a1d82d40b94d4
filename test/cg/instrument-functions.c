// -finstrument-functions: every function without no_instrument_function calls
// __cyg_profile_func_enter(fn, call site) after its prologue and
// __cyg_profile_func_exit(fn, call site) before each return (after the
// return value is computed); the attribute may sit on an earlier declaration
// (torture eeprof-1).  The printed trace is compared with gcc's.
// REQUIRES: gcc
// RUN: %cfree cc -finstrument-functions -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t > %t.out
// RUN: gcc -finstrument-functions %s -o %t.gcc
// RUN: %t.gcc > %t.ref
// RUN: diff %t.ref %t.out
// RUN: %cfree cc -c %s -o %t.plain.o
// RUN: objdump -dr %t.plain.o > %t.dis; ! grep -q "R_X86_64_PLT32.*__cyg_profile" %t.dis
#include <stdio.h>
#define NOCHK __attribute__((no_instrument_function))

static const char *name_of(void *fn) NOCHK;
int main(void) NOCHK;
void __cyg_profile_func_enter(void *, void *) NOCHK;
void __cyg_profile_func_exit(void *, void *) NOCHK;

static int depth;
__attribute__((noinline)) static int leaf(int x) { return x * 2; }
__attribute__((noinline)) static int twice(int x) {
  if (x > 100) return -1;
  return leaf(x) + leaf(x + 1);
}
__attribute__((noinline)) static void quiet(void) NOCHK;
static void quiet(void) { leaf(1); }
__attribute__((noinline)) static void early(int c) {
  if (c) return;
  leaf(c);
}

static const char *name_of(void *fn) {
  return fn == (void *)leaf ? "leaf" : fn == (void *)twice ? "twice" : fn == (void *)quiet ? "quiet"
       : fn == (void *)early ? "early" : "?";
}
void __cyg_profile_func_enter(void *fn, void *site) {
  printf("%*senter %s%s\n", depth++ * 2, "", name_of(fn), site ? "" : " (no site)");
}
void __cyg_profile_func_exit(void *fn, void *site) {
  printf("%*sexit %s%s\n", --depth * 2, "", name_of(fn), site ? "" : " (no site)");
}

int main(void) {
  printf("%d\n", twice(3));
  printf("%d\n", twice(300));
  quiet();
  early(1);
  early(0);
  return 0;
}
