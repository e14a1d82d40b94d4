/* atomic.c: the atomic library calls gcc emits when an object is too big or
 * odd-sized for the CPU's atomic instructions (libatomic's ABI, GCC wiki
 * "Atomic/GCCMM/LIbrary"): the generic __atomic_load/store/exchange/
 * compare_exchange with a size argument, and the sized __atomic_*_N.
 *
 * Sizes 1, 2, 4 and 8 are lock-free (the compiler's own __atomic builtins);
 * everything else takes spinlocks from a table indexed by the 64-byte lines
 * the object covers, always in ascending order, so every access to the same
 * memory, whatever its size, serialises on the same locks.  Signal handlers
 * that use such objects can deadlock, as with libatomic's locks.
 * Definitions use asm labels: the __atomic_* names are builtins in C.
 */
#include "rt.h"

typedef __SIZE_TYPE__ size_t;
typedef __UINTPTR_TYPE__ uintptr_t;

#define NLOCKS 64
static volatile unsigned char locks[NLOCKS];

static void lock_range(const void* p, size_t n, int on) {
  uintptr_t a = (uintptr_t)p / 64, e = ((uintptr_t)p + (n ? n : 1) - 1) / 64;
  if (e - a >= NLOCKS) e = a + NLOCKS - 1;
  /* Ascending lock indices (the range may wrap around the table). */
  unsigned char taken[NLOCKS];
  for (int i = 0; i < NLOCKS; i++) taken[i] = 0;
  for (uintptr_t l = a; l <= e; l++) taken[l % NLOCKS] = 1;
  for (int i = 0; i < NLOCKS; i++) {
    if (!taken[i]) continue;
    if (on) {
      while (__atomic_test_and_set(&locks[i], __ATOMIC_ACQUIRE))
        while (__atomic_load_n(&locks[i], __ATOMIC_RELAXED)) {
        }
    } else {
      __atomic_clear(&locks[i], __ATOMIC_RELEASE);
    }
  }
}

static void copy(void* d, const void* s, size_t n) {
  unsigned char* dd = d;
  const unsigned char* ss = s;
  while (n--) *dd++ = *ss++;
}

static int same(const void* a, const void* b, size_t n) {
  const unsigned char *x = a, *y = b;
  while (n--)
    if (*x++ != *y++) return 0;
  return 1;
}

/* Naturally aligned power-of-two sizes up to 8 are lock-free. */
static int lock_free(size_t n, const void* p) {
  return (n == 1 || n == 2 || n == 4 || n == 8) && ((uintptr_t)p & (n - 1)) == 0;
}

void rt_atomic_load(size_t n, void* mem, void* ret, int model) __asm__("__atomic_load");
RT_API void rt_atomic_load(size_t n, void* mem, void* ret, int model) {
  (void)model;
  if (lock_free(n, mem)) {
    switch (n) {
      case 1: *(unsigned char*)ret = __atomic_load_n((unsigned char*)mem, __ATOMIC_SEQ_CST); return;
      case 2: *(unsigned short*)ret = __atomic_load_n((unsigned short*)mem, __ATOMIC_SEQ_CST); return;
      case 4: *(rt_u32*)ret = __atomic_load_n((rt_u32*)mem, __ATOMIC_SEQ_CST); return;
      default: *(rt_u64*)ret = __atomic_load_n((rt_u64*)mem, __ATOMIC_SEQ_CST); return;
    }
  }
  lock_range(mem, n, 1);
  copy(ret, mem, n);
  lock_range(mem, n, 0);
}

void rt_atomic_store(size_t n, void* mem, void* val, int model) __asm__("__atomic_store");
RT_API void rt_atomic_store(size_t n, void* mem, void* val, int model) {
  (void)model;
  if (lock_free(n, mem)) {
    switch (n) {
      case 1: __atomic_store_n((unsigned char*)mem, *(unsigned char*)val, __ATOMIC_SEQ_CST); return;
      case 2: __atomic_store_n((unsigned short*)mem, *(unsigned short*)val, __ATOMIC_SEQ_CST); return;
      case 4: __atomic_store_n((rt_u32*)mem, *(rt_u32*)val, __ATOMIC_SEQ_CST); return;
      default: __atomic_store_n((rt_u64*)mem, *(rt_u64*)val, __ATOMIC_SEQ_CST); return;
    }
  }
  lock_range(mem, n, 1);
  copy(mem, val, n);
  lock_range(mem, n, 0);
}

void rt_atomic_exchange(size_t n, void* mem, void* val, void* ret, int model) __asm__("__atomic_exchange");
RT_API void rt_atomic_exchange(size_t n, void* mem, void* val, void* ret, int model) {
  (void)model;
  if (lock_free(n, mem)) {
    switch (n) {
      case 1: *(unsigned char*)ret = __atomic_exchange_n((unsigned char*)mem, *(unsigned char*)val, __ATOMIC_SEQ_CST); return;
      case 2: *(unsigned short*)ret = __atomic_exchange_n((unsigned short*)mem, *(unsigned short*)val, __ATOMIC_SEQ_CST); return;
      case 4: *(rt_u32*)ret = __atomic_exchange_n((rt_u32*)mem, *(rt_u32*)val, __ATOMIC_SEQ_CST); return;
      default: *(rt_u64*)ret = __atomic_exchange_n((rt_u64*)mem, *(rt_u64*)val, __ATOMIC_SEQ_CST); return;
    }
  }
  unsigned char tmp[256];
  lock_range(mem, n, 1);
  if (n <= sizeof tmp) {
    copy(tmp, val, n); /* val and ret may alias */
    copy(ret, mem, n);
    copy(mem, tmp, n);
  } else {
    unsigned char *m = mem, *v = val, *r = ret;
    for (size_t i = 0; i < n; i++) {
      unsigned char t = v[i];
      r[i] = m[i];
      m[i] = t;
    }
  }
  lock_range(mem, n, 0);
}

_Bool rt_atomic_cas(size_t n, void* mem, void* expected, void* desired, int s, int f)
    __asm__("__atomic_compare_exchange");
RT_API _Bool rt_atomic_cas(size_t n, void* mem, void* expected, void* desired, int s, int f) {
  (void)s;
  (void)f;
  if (lock_free(n, mem)) {
    switch (n) {
      case 1: return __atomic_compare_exchange_n((unsigned char*)mem, (unsigned char*)expected, *(unsigned char*)desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
      case 2: return __atomic_compare_exchange_n((unsigned short*)mem, (unsigned short*)expected, *(unsigned short*)desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
      case 4: return __atomic_compare_exchange_n((rt_u32*)mem, (rt_u32*)expected, *(rt_u32*)desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
      default: return __atomic_compare_exchange_n((rt_u64*)mem, (rt_u64*)expected, *(rt_u64*)desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    }
  }
  _Bool ok;
  lock_range(mem, n, 1);
  ok = same(mem, expected, n);
  if (ok) copy(mem, desired, n);
  else copy(expected, mem, n);
  lock_range(mem, n, 0);
  return ok;
}

_Bool rt_atomic_is_lock_free(size_t n, const void* p) __asm__("__atomic_is_lock_free");
RT_API _Bool rt_atomic_is_lock_free(size_t n, const void* p) {
  return (n == 1 || n == 2 || n == 4 || n == 8) && (!p || ((uintptr_t)p & (n - 1)) == 0);
}

/* 16-byte objects: every operation under the lock. */
typedef unsigned __int128 u16_t;

#define FETCH16(name, fetch_name, OP)                                            \
  u16_t rt_##name(u16_t* mem, u16_t v, int m) __asm__("__atomic_" #name "_16");  \
  RT_API u16_t rt_##name(u16_t* mem, u16_t v, int m) {                           \
    (void)m;                                                                     \
    lock_range(mem, 16, 1);                                                      \
    u16_t old = *mem, nv = OP;                                                   \
    *mem = nv;                                                                   \
    lock_range(mem, 16, 0);                                                      \
    return fetch_name ? old : nv;                                                \
  }

u16_t rt_load16(u16_t* mem, int m) __asm__("__atomic_load_16");
RT_API u16_t rt_load16(u16_t* mem, int m) {
  (void)m;
  lock_range(mem, 16, 1);
  u16_t v = *mem;
  lock_range(mem, 16, 0);
  return v;
}

void rt_store16(u16_t* mem, u16_t v, int m) __asm__("__atomic_store_16");
RT_API void rt_store16(u16_t* mem, u16_t v, int m) {
  (void)m;
  lock_range(mem, 16, 1);
  *mem = v;
  lock_range(mem, 16, 0);
}

u16_t rt_exchange16(u16_t* mem, u16_t v, int m) __asm__("__atomic_exchange_16");
RT_API u16_t rt_exchange16(u16_t* mem, u16_t v, int m) {
  (void)m;
  lock_range(mem, 16, 1);
  u16_t old = *mem;
  *mem = v;
  lock_range(mem, 16, 0);
  return old;
}

_Bool rt_cas16(u16_t* mem, u16_t* expected, u16_t desired, _Bool weak, int s, int f)
    __asm__("__atomic_compare_exchange_16");
RT_API _Bool rt_cas16(u16_t* mem, u16_t* expected, u16_t desired, _Bool weak, int s, int f) {
  (void)weak;
  (void)s;
  (void)f;
  lock_range(mem, 16, 1);
  _Bool ok = *mem == *expected;
  if (ok) *mem = desired;
  else *expected = *mem;
  lock_range(mem, 16, 0);
  return ok;
}

FETCH16(fetch_add, 1, old + v)
FETCH16(fetch_sub, 1, old - v)
FETCH16(fetch_and, 1, old & v)
FETCH16(fetch_or, 1, old | v)
FETCH16(fetch_xor, 1, old ^ v)
FETCH16(fetch_nand, 1, ~(old & v))
FETCH16(add_fetch, 0, old + v)
FETCH16(sub_fetch, 0, old - v)
FETCH16(and_fetch, 0, old & v)
FETCH16(or_fetch, 0, old | v)
FETCH16(xor_fetch, 0, old ^ v)
FETCH16(nand_fetch, 0, ~(old & v))
