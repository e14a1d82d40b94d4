#include <math.h>
#include <stdio.h>
__thread int tv = 5;
static __thread int stv;
__thread long zero_tls;
int bump(void) { return ++tv; }
int main(void) {
  bump();
  stv = 7;
  zero_tls += 2;
  double d = sqrt(2.0) + sin(0.5) + pow(2.0, 0.5);
  printf("tls %d %d %ld %.6f\n", tv, stv, zero_tls, d);
  return 0;
}
