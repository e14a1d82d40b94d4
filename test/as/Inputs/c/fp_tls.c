/* Differential input for cfree as: SSE and x87 floating point, conversions,
   thread-local storage (local-exec, initial-exec and general-dynamic forms),
   struct copies and bit-fields. */
#include <math.h>

__thread int tls_local;
extern __thread int tls_extern;
static __thread double tls_static = 1.5;

struct P { double x, y; float w; long double e; };
struct B { unsigned a : 3, b : 7, c : 12; int d; };

double dot(const struct P *p, const struct P *q) { return p->x * q->x + p->y * q->y + p->w * q->w; }

long double ext(long double a, long double b) { return a * b - a / (b + 1.0L); }

float conv(int i, long l, unsigned u, double d) {
  return (float)i + (float)l - (float)u + (float)(long)d + (float)(unsigned long)d;
}

struct P scale(struct P p, double k) {
  p.x *= k; p.y *= k; p.w = (float)(p.w * k); p.e *= k;
  return p;
}

int bits(struct B *b, int v) {
  b->a = v; b->b = v >> 3; b->c += v;
  return b->a + b->b + b->c + b->d;
}

int tls_use(int v) {
  tls_local += v;
  tls_extern -= v;
  tls_static *= v;
  return tls_local + tls_extern + (int)tls_static + (int)sqrt((double)v) + (int)fabs(tls_static);
}

double minmax(double a, double b, int n) {
  double m = a;
  for (int i = 0; i < n; i++) m = fmax(m, b * i) - fmin(a, b);
  return m > 100.0 ? floor(m) : ceil(m);
}
