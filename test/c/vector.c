// GCC vector extensions: vector_size types (sizes, alignment, layout in
// records), element-wise arithmetic/bitwise/shift operators with C's
// element semantics (wrap-around, unsigned and signed division), unary
// operators, comparisons giving -1/0, scalar-to-vector promotion on either
// side, subscripts as rvalue and lvalue (constant and variable index),
// compound assignment, casts between same-size vectors and scalars (bit
// reinterpretation), initializers (partial, nested in records and arrays,
// static with compound literals), calls and returns by value, and
// __builtin_shuffle / __builtin_convertvector.
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

typedef int v4si __attribute__((vector_size(16)));
typedef unsigned v4su __attribute__((vector_size(16)));
typedef short v8hi __attribute__((vector_size(16)));
typedef unsigned char v4qu __attribute__((vector_size(4)));
typedef signed char v16qi __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));
typedef double v2df __attribute__((vector_size(16)));
typedef long v2di __attribute__((vector_size(16)));
typedef int v2si __attribute__((__vector_size__(8)));
typedef float v2sf __attribute__((vector_size(8)));
typedef int v8si __attribute__((vector_size(32)));
typedef char v64qi __attribute__((vector_size(64)));
__attribute__((vector_size(8))) short leading_attr;

struct holder { char c; v4si v; int tail; };
struct wide { char c; v8si v; };
union pun { v4si v; int i[4]; unsigned long long l[2]; };

v4si gv = {1, 2, 3, 4};
v4si garr[] = {{5, 6}, (v4si){7, 8, 9, 10}};
struct holder gh = {'x', {11, 12, 13, 14}, 15};
v2sf gf = {1.5f, -2.5f};

static int eq4(v4si v, int a, int b, int c, int d) { return v[0] == a && v[1] == b && v[2] == c && v[3] == d; }
__attribute__((noinline)) static v4si add4(v4si a, v4si b) { return a + b; }
__attribute__((noinline)) static v2df scale2(v2df a, double k) { return a * k; }
__attribute__((noinline)) static v4qu inc4(v4qu a) { return a + 1; }
__attribute__((noinline)) static v8si neg8(v8si a) { return -a; }
__attribute__((noinline)) static v2sf swap2(v2sf a) { return (v2sf){a[1], a[0]}; }
__attribute__((noinline)) static int sum_many(v2df a, v2df b, v2df c, v2df d, v2df e, v2df f, v2df g, v2df h,
                                              v2df i, v2df j) {
  v2df s = a + b + c + d + e + f + g + h + i + j;
  return (int)(s[0] * 10 + s[1]);
}

int main(void) {
  ASSERT(16, sizeof(v4si));
  ASSERT(16, _Alignof(v4si));
  ASSERT(4, _Alignof(v4qu));
  ASSERT(32, sizeof(v8si));
  ASSERT(16, _Alignof(v8si));
  ASSERT(16, _Alignof(v64qi));
  // Layout alignment is the size (x86-64); C11 _Alignof caps it at 16 as GCC does.
  ASSERT(32, __alignof__(v8si));
  ASSERT(64, __alignof__(v64qi));
  ASSERT(32, __builtin_offsetof(struct wide, v));
  ASSERT(64, sizeof(struct wide));
  ASSERT(16, _Alignof(struct wide));
  ASSERT(32, __alignof__(struct wide));
  ASSERT(8, sizeof(leading_attr));
  ASSERT(16, __builtin_offsetof(struct holder, v));
  ASSERT(48, sizeof(struct holder));
  ASSERT(4, sizeof(gv) / sizeof(gv[0]));

  v4si a = {1, 2, 3, 4}, b = {10, 20, 30, 40};
  ASSERT(1, eq4(a + b, 11, 22, 33, 44));
  ASSERT(1, eq4(b - a, 9, 18, 27, 36));
  ASSERT(1, eq4(a * b, 10, 40, 90, 160));
  ASSERT(1, eq4(b / a, 10, 10, 10, 10));
  ASSERT(1, eq4(b % (a + 2), 1, 0, 0, 4));
  ASSERT(1, eq4(a & 6, 0, 2, 2, 4));
  ASSERT(1, eq4(a | 8, 9, 10, 11, 12));
  ASSERT(1, eq4(a ^ a, 0, 0, 0, 0));
  ASSERT(1, eq4(a << 2, 4, 8, 12, 16));
  ASSERT(1, eq4(1 << a, 2, 4, 8, 16));
  ASSERT(1, eq4(b >> a, 5, 5, 3, 2));
  ASSERT(1, eq4(-a, -1, -2, -3, -4));
  ASSERT(1, eq4(~a, -2, -3, -4, -5));
  ASSERT(1, eq4(+a, 1, 2, 3, 4));
  ASSERT(1, eq4(100 - a, 99, 98, 97, 96));
  ASSERT(1, eq4(a < (v4si){2, 2, 2, 2}, -1, 0, 0, 0));
  ASSERT(1, eq4(a >= 3, 0, 0, -1, -1));
  ASSERT(1, eq4(a == (v4si){1, 0, 3, 0}, -1, 0, -1, 0));
  ASSERT(1, eq4(a != 2, -1, 0, -1, -1));

  // Element types narrower than int wrap; unsigned divides unsigned.
  v8hi h = {32767, -32768, 1, 2, 3, 4, 5, 6};
  v8hi h2 = h + 1;
  ASSERT(-32768, h2[0]);
  ASSERT(-32767, h2[1]);
  v4su u = {0xffffffffu, 8, 9, 10};
  v4su q = u / 2;
  ASSERT(0x7fffffff, q[0]);
  v4si sq = (v4si)u / 2;
  ASSERT(0, sq[0]);
  v16qi c = {-128, 127};
  c %= (signed char)-128;
  ASSERT(0, c[0]);
  ASSERT(127, c[1]);
  v4qu small = {250, 1, 2, 3};
  v4qu s2 = inc4(small) + inc4(small);
  ASSERT(246, s2[0]);
  ASSERT(4, s2[1]);

  // Floats and comparisons giving integer vectors.
  v4sf f = {1.0f, 2.0f, 3.0f, 4.0f};
  v4sf g = 2 * f + 0.5f;
  ASSERT(45, (int)(g[1] * 10));
  v4si m = f > 2.5f;
  ASSERT(1, eq4(m, 0, 0, -1, -1));
  v2df d = {1.5, -2.0};
  v2df d2 = scale2(d, 4.0);
  ASSERT(6, (int)d2[0]);
  ASSERT(-8, (int)d2[1]);
  v2di dm = d < 0.0;
  ASSERT(0, dm[0]);
  ASSERT(-1, dm[1]);

  // Subscripts: lvalues, variable indices, pointers to elements.
  v4si w = {0};
  for (int i = 0; i < 4; i++) w[i] = i * i;
  w[1] += 10;
  ASSERT(1, eq4(w, 0, 11, 4, 9));
  int* p = &w[2];
  *p = 7;
  ASSERT(7, w[2]);
  ASSERT(9, add4(w, w)[3] / 2);
  v64qi big = {0};
  big[63] = 1;
  int cnt = 0;
  for (int i = 0; i < 64; i++) cnt += big[i];
  ASSERT(1, cnt);
  ASSERT(1, big[63]);

  // Casts reinterpret bits between same-size types.
  v2si two = {1, 2};
  long long ll = (long long)two;
  ASSERT(0x200000001LL, ll);
  v2si back = (v2si)(ll + 1);
  ASSERT(2, back[0]);
  v4sf ones = {1.0f, 1.0f, 1.0f, 1.0f};
  v4si bits = (v4si)ones;
  ASSERT(0x3f800000, bits[0]);
  union pun pu;
  pu.v = (v4si)(v2df){0.0, 0.0};
  ASSERT(0, pu.i[3]);
  pu.v = a;
  ASSERT(3, pu.i[2]);

  // Statics, records, arrays of vectors.
  ASSERT(1, eq4(gv, 1, 2, 3, 4));
  ASSERT(1, eq4(garr[0], 5, 6, 0, 0));
  ASSERT(1, eq4(garr[1], 7, 8, 9, 10));
  ASSERT(1, eq4(gh.v, 11, 12, 13, 14));
  ASSERT(15, gh.tail);
  gh.v *= 2;
  ASSERT(28, gh.v[3]);
  ASSERT(-5, (int)(gf[1] * 2));
  struct holder lh = {'y', {1, 2}, 3};
  ASSERT(1, eq4(lh.v, 1, 2, 0, 0));
  v4si arr[2] = {a, b};
  arr[1] = arr[0] + arr[1];
  ASSERT(1, eq4(arr[1], 11, 22, 33, 44));

  // By-value calls: SSE, memory (32 bytes), and more vectors than XMM registers.
  v8si e8 = {1, 2, 3, 4, 5, 6, 7, 8};
  v8si n8 = neg8(e8);
  ASSERT(-8, n8[7]);
  ASSERT(-1, n8[0]);
  v2sf sw = swap2(gf);
  ASSERT(-25, (int)(sw[0] * 10));
  v2df one = {1.0, 0.5};
  ASSERT(105, sum_many(one, one, one, one, one, one, one, one, one, one));

  // Builtins.
  v4si r = __builtin_shuffle(a, (v4si){3, 2, 1, 0});
  ASSERT(1, eq4(r, 4, 3, 2, 1));
  v4si r2 = __builtin_shuffle(a, b, (v4si){0, 4, 1, 7});
  ASSERT(1, eq4(r2, 1, 10, 2, 40));
  v4sf cv = __builtin_convertvector(a, v4sf);
  ASSERT(25, (int)(cv[3] * 6 + 1));
  v4si ci = __builtin_convertvector((v4sf){1.9f, -1.9f, 2.5f, 0}, v4si);
  ASSERT(1, eq4(ci, 1, -1, 2, 0));
  TEST_DONE();
}
