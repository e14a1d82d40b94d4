/* Self-checking: the libgcc routines cfree's rt supplies (bit counting,
 * byte swaps, -ftrapv arithmetic, powi, libatomic's generic and 16-byte
 * calls), each against a plain reference loop.  Compiled by cfree, the calls
 * are explicit; compiled by gcc (-DVIA_GCC), gcc itself emits the calls
 * (builtins without -mpopcnt, -ftrapv, __int128 atomics) and cfree links them
 * against rt instead of libgcc/libatomic. */
#include <stdio.h>
#include <string.h>

typedef unsigned long long u64;
static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

#ifdef VIA_GCC
#define POPC(x) __builtin_popcountll(x)
#define CLZ(x) __builtin_clzll(x)
#define CTZ(x) __builtin_ctzll(x)
#define PAR(x) __builtin_parityll(x)
#define FFS(x) __builtin_ffsll(x)
#define POWI(x, n) __builtin_powi(x, n)
#define ADDV(a, b) ((a) + (b))
#define MULV(a, b) ((a) * (b))
#define ALOAD(p, r) __atomic_load(p, r, __ATOMIC_SEQ_CST)
#define ASTORE(p, v) __atomic_store(p, v, __ATOMIC_SEQ_CST)
#define AXCHG(p, v, r) __atomic_exchange(p, v, r, __ATOMIC_SEQ_CST)
#define ACAS(p, e, d) __atomic_compare_exchange(p, e, d, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#else
/* The library entry points by name (cfree has no generic __atomic_load builtin yet). */
void lib_load(unsigned long, void*, void*, int) __asm__("__atomic_load");
void lib_store(unsigned long, void*, void*, int) __asm__("__atomic_store");
void lib_xchg(unsigned long, void*, void*, void*, int) __asm__("__atomic_exchange");
_Bool lib_cas(unsigned long, void*, void*, void*, int, int) __asm__("__atomic_compare_exchange");
#define ALOAD(p, r) lib_load(sizeof *(p), p, r, 5)
#define ASTORE(p, v) lib_store(sizeof *(p), p, v, 5)
#define AXCHG(p, v, r) lib_xchg(sizeof *(p), p, v, r, 5)
#define ACAS(p, e, d) lib_cas(sizeof *(p), p, e, d, 5, 5)
int __popcountdi2(u64);
int __clzdi2(u64);
int __ctzdi2(u64);
int __paritydi2(u64);
int __ffsdi2(u64);
double __powidf2(double, int);
int __addvsi3(int, int);
long long __mulvdi3(long long, long long);
#define POPC(x) __popcountdi2(x)
#define CLZ(x) __clzdi2(x)
#define CTZ(x) __ctzdi2(x)
#define PAR(x) __paritydi2(x)
#define FFS(x) __ffsdi2(x)
#define POWI(x, n) __powidf2(x, n)
#define ADDV(a, b) __addvsi3(a, b)
#define MULV(a, b) __mulvdi3(a, b)
#endif
unsigned __bswapsi2(unsigned);
u64 __bswapdi2(u64);

struct big { char c[24]; };

int main(void) {
  u64 s = 0x243f6a8885a308d3ULL;
  for (int i = 0; i < 2000; i++) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    u64 x = s >> (i % 64);
    if (!x) continue;
    int pc = 0, lz = 0, tz = 0;
    for (int b = 0; b < 64; b++) pc += (x >> b) & 1;
    while (!((x << lz) >> 63)) lz++;
    while (!((x >> tz) & 1)) tz++;
    CHECK(POPC(x) == pc);
    CHECK(CLZ(x) == lz);
    CHECK(CTZ(x) == tz);
    CHECK(PAR(x) == (pc & 1));
    CHECK(FFS(x) == tz + 1);
    u64 r = 0;
    for (int b = 0; b < 8; b++) r |= ((x >> (8 * b)) & 0xff) << (56 - 8 * b);
    CHECK(__bswapdi2(x) == r);
    CHECK(__bswapsi2((unsigned)x) == (unsigned)(r >> 32));
  }
  CHECK(FFS(0ULL) == 0);
  CHECK(POWI(2.0, 10) == 1024.0);
  CHECK(POWI(2.0, -2) == 0.25);
  CHECK(POWI(3.0, 0) == 1.0);
  CHECK(POWI(1.5, 3) == 3.375);
  volatile int a = 40000, b = 2;
  CHECK(ADDV(a, b) == 40002);
  volatile long long la = -3000000000LL, lb = 3;
  CHECK(MULV(la, lb) == -9000000000LL);

  /* libatomic's calls: 16 bytes and an odd-sized struct. */
  static unsigned __int128 q;
  unsigned __int128 one = 1, exp = 0, got;
  ASTORE(&q, &one);
  ALOAD(&q, &got);
  CHECK(got == 1);
  CHECK(!ACAS(&q, &exp, &one) && exp == 1);
  unsigned __int128 two = (one + one) << 64; /* not a constant expression: see rt.h */
  CHECK(ACAS(&q, &exp, &two));
  ALOAD(&q, &got);
  CHECK((u64)(got >> 64) == 2 && (u64)got == 0);
  static struct big g;
  struct big v, o;
  memset(&v, 7, sizeof v);
  AXCHG(&g, &v, &o);
  CHECK(o.c[5] == 0);
  ALOAD(&g, &o);
  CHECK(o.c[23] == 7);
  printf(fails ? "failed\n" : "ok\n");
  return fails != 0;
}
