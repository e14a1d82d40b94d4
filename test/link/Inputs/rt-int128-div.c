/* __int128 '/' and '%' compile to calls of the runtime's __udivti3 family.
 * big = 98765432109876543210987654321 * 10^9 + 123456789 (hi:lo below). */
#include <stdio.h>
int main(void) {
  volatile unsigned long long hi = 5354084802999887300ULL, lo = 0xdc4f93d184d97715ULL;
  unsigned __int128 big = ((unsigned __int128)hi << 64) | lo;
  unsigned __int128 q = big / 1000000000u;
  volatile long long m = -7;
  __int128 s = m, t = 2;
  printf("%llu ", (unsigned long long)(big % 10000000000000000000ULL));
  char buf[64];
  int n = 0;
  for (unsigned __int128 x = q; x; x /= 10) buf[n++] = (char)('0' + (int)(x % 10));
  while (n) putchar(buf[--n]);
  printf(" %d %d\n", (int)((s - 1) / t), (int)(s % t));
  return 0;
}
