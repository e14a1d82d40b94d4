/* Differential input for cfree as: loops gcc vectorises and unrolls at -O2,
   long jumps that need rel32 and short ones that relax to rel8, cold
   partitions (.text.unlikely), atomics and 128-bit arithmetic. */
#include <stdlib.h>
#include <stdint.h>

void saxpy(float *restrict y, const float *restrict x, float a, int n) {
  for (int i = 0; i < n; i++) y[i] += a * x[i];
}

uint64_t hash(const unsigned char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 1099511628211ull; }
  return h;
}

int checked(int *p, int n) {
  if (__builtin_expect(p == NULL, 0)) abort();
  int s = 0;
  for (int i = 0; i < n; i++) {
    if (p[i] < 0) { s -= p[i] * 3; continue; }
    if (p[i] > 1000) break;
    s += p[i];
  }
  return s;
}

static int counter;
int atomics(int v) {
  __atomic_fetch_add(&counter, v, __ATOMIC_SEQ_CST);
  int expected = v;
  __atomic_compare_exchange_n(&counter, &expected, v + 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  return __atomic_exchange_n(&counter, 0, __ATOMIC_ACQ_REL) + expected;
}

unsigned __int128 mul128(uint64_t a, uint64_t b) { return (unsigned __int128)a * b; }

int big_switch(int k, int *out) {
  int r = 0;
  for (int i = 0; i < k; i++) {
    switch ((i * 7 + k) % 9) {
      case 0: r += out[i] * 3; break;
      case 1: r ^= out[i] << 2; break;
      case 2: r -= out[i] / 5; break;
      case 3: out[i] = r; break;
      case 4: r += hash((const unsigned char *)out, (size_t)i); break;
      case 5: r = r * 31 + i; break;
      case 6: saxpy((float *)out, (const float *)out + 1, 0.5f, i); break;
      case 7: r += checked(out, i); break;
      default: r--; break;
    }
  }
  return r;
}
