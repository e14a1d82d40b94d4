// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
// Invalid uses of GCC vector types get GCC's diagnostics (and no crash).
typedef int V3 __attribute__((vector_size(12)));
// CHECK: vector-errors.c:3:13: error: number of vector components 3 not a power of two
typedef int V6 __attribute__((vector_size(6)));
// CHECK: vector-errors.c:5:13: error: vector size not an integral multiple of component size
struct S { int a; };
typedef struct S VS __attribute__((vector_size(16)));
// CHECK: vector-errors.c:8:18: error: invalid vector type for attribute 'vector_size'
typedef int V0 __attribute__((vector_size(0)));
// CHECK: vector-errors.c:10:43: error: zero vector size
typedef int v4si __attribute__((vector_size(16)));
typedef long v2di __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));
typedef char v16qi __attribute__((vector_size(16)));
typedef int v2si __attribute__((vector_size(8)));
void f(v4si a, v2di b, v4sf c, v16qi q, long l, v2si s) {
  a + b;
  // CHECK: vector-errors.c:18:5: error: invalid operands to binary + (have '__vector(4) int' and '__vector(2) long int')
  c % c;
  // CHECK: vector-errors.c:20:5: error: invalid operands to binary % (have '__vector(4) float' and '__vector(4) float')
  v4si x = c;
  // CHECK: vector-errors.c:22:12: error: incompatible types when initializing type '__vector(4) int' using type '__vector(4) float'
  v4si y = (v4si)l;
  // CHECK: vector-errors.c:24:12: error: cannot convert a value of type 'long int' to vector type '__vector(4) int' which has different size
  long z = (long)a;
  // CHECK: vector-errors.c:26:12: error: cannot convert a vector of type '__vector(4) int' to type 'long int' which has different size
  q + 1000;
  // CHECK: vector-errors.c:28:5: error: conversion of scalar 'int' to vector '__vector(16) char' involves truncation
  a + s;
  // CHECK: vector-errors.c:30:5: error: invalid operands to binary + (have '__vector(4) int' and '__vector(2) int')
  q + l;
  // CHECK: vector-errors.c:32:5: error: conversion of scalar 'long int' to vector '__vector(16) char' involves truncation
  ~c;
  // CHECK: vector-errors.c:34:3: error: wrong type argument to bit-complement
  __builtin_shuffle(a, c);
  // CHECK: vector-errors.c:36:3: error: '__builtin_shuffle' last argument must be an integer vector
  (void)x, (void)y, (void)z;
}
