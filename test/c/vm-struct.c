// GNU variably modified struct members: records whose members are VLAs get
// their layout at run time.  Each check compares the VM record's sizeof and
// member offsets (offsetof, and addresses) with those of the same record
// written with constant bounds, so the expectation is the fixed layout the
// ABI gives; plus copies, arrays of VM records, pointer arithmetic, passing
// through varargs, unions, packed records and a bound changed after the
// definition (the layout is fixed where the record is defined).
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"
#include <stdarg.h>
#include <stddef.h>

#define OFF(p, m) ((long)((char *)&(p)->m - (char *)(p)))

static int layout(int n) {
  struct V { char a[n]; int b; double c[n]; char d; short e[n]; } v;
  struct F { char a[5]; int b; double c[5]; char d; short e[5]; } f;
  ASSERT(sizeof f, sizeof v);
  ASSERT(sizeof(struct F), sizeof(struct V));
  ASSERT(offsetof(struct F, b), offsetof(struct V, b));
  ASSERT(offsetof(struct F, c), offsetof(struct V, c));
  ASSERT(offsetof(struct F, d), offsetof(struct V, d));
  ASSERT(offsetof(struct F, e), offsetof(struct V, e));
  ASSERT(offsetof(struct F, c[3]), offsetof(struct V, c[n - 2]));
  ASSERT(OFF(&f, e[2]), OFF(&v, e[2]));
  ASSERT(_Alignof(struct F), _Alignof(struct V));
  for (int i = 0; i < n; i++) v.c[i] = i * 1.5, v.e[i] = (short)(i + 100), v.a[i] = (char)i;
  v.b = 42;
  v.d = 'x';
  struct V w;
  w = v;  // a run-time sized copy
  int ok = w.b == 42 && w.d == 'x' && w.c[n - 1] == (n - 1) * 1.5 && w.e[n - 1] == n + 99 && w.a[2] == 2;
  return ok;
}

static int arrays(int n) {
  struct V { int x; int a[n]; char tail; } s[3], *p = s;
  struct F { int x; int a[4]; char tail; };
  ASSERT(3 * sizeof(struct F), sizeof s);
  for (int k = 0; k < 3; k++) {
    s[k].x = k;
    s[k].tail = (char)('a' + k);
    for (int i = 0; i < n; i++) s[k].a[i] = k * 10 + i;
  }
  p += 2;
  ASSERT((long)(2 * sizeof(struct F)), (char *)p - (char *)s);
  return p->x * 100 + p->a[3] + (p[-1].tail == 'b');
}

static long sum_va(int n, ...) {
  struct V { long v[n]; } x;
  va_list ap;
  va_start(ap, n);
  long s = 0;
  for (int k = 0; k < 2; k++) {
    x = va_arg(ap, struct V);
    for (int i = 0; i < n; i++) s += x.v[i];
  }
  va_end(ap);
  return s;
}

static long varargs(int n) {
  struct V { long v[n]; } a, b;
  for (int i = 0; i < n; i++) a.v[i] = i, b.v[i] = 100 * i;
  return sum_va(n, a, b);
}

static int unions(int n) {
  union U { char c[n]; int i; double d[2]; } u;
  ASSERT(n > 16 ? (n + 7) / 8 * 8 : 16, sizeof u);
  ASSERT(0, offsetof(union U, d));
  u.i = 0x01020304;
  return u.c[0];
}

static int packed(int n) {
  struct __attribute__((packed)) V { char a; int b[n]; short s; int i; } v;
  struct __attribute__((packed)) F { char a; int b[3]; short s; int i; };
  ASSERT(sizeof(struct F), sizeof v);
  ASSERT(offsetof(struct F, i), offsetof(struct V, i));
  v.i = 7;
  return v.i;
}

static int late_bound(int n) {
  struct S { char b[n]; };
  n++;  // the layout was fixed at the definition
  return (int)sizeof(struct S);
}

static int nested_vm(int n) {
  struct In { int a[n]; char c; };
  struct Out { char x; struct In in; int y[n]; } o;
  struct InF { int a[6]; char c; };
  struct OutF { char x; struct InF in; int y[6]; };
  ASSERT(sizeof(struct OutF), sizeof o);
  ASSERT(offsetof(struct OutF, y), offsetof(struct Out, y));
  ASSERT(offsetof(struct OutF, in.c), offsetof(struct Out, in.c));
  o.in.c = 9;
  o.y[5] = 11;
  return o.in.c + o.y[5];
}

int main(void) {
  ASSERT(1, layout(5));
  ASSERT(200 + 23 + 1, arrays(4));
  ASSERT(0 + 1 + 2 + 0 + 100 + 200, varargs(3));
  ASSERT(4, unions(3));
  ASSERT(4, unions(20) + 0 * unions(20));
  ASSERT(7, packed(3));
  ASSERT(123, late_bound(123));
  ASSERT(20, nested_vm(6));
  TEST_DONE();
}
