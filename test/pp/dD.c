// -dD keeps #define/#undef directives in the output, in place.
// RUN: %cfree cc -E -dD -P %s | FileCheck %s
// CHECK: #define __STDC__ 1
// CHECK: #define ONE 1
// CHECK-NEXT: int x = 1;
// CHECK-NEXT: #undef ONE
// CHECK-NEXT: #define F(a,...) a ## __VA_ARGS__ #a
#define ONE 1
int x = ONE;
#undef ONE
#define F(a, ...) a ## __VA_ARGS__ # a
