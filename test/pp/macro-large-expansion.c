// A large nested expansion with pasted arguments (10,000 declarations, from
// gcc.c-torture/compile/limits-blockid.c): the argument stack reallocates
// while arguments are substituted; the expansion must stay intact.
// RUN: %cfree cc -E -P %s | tr ';' '\n' | grep -c 'char t' | FileCheck %s --check-prefix=COUNT
// COUNT: 10000
// RUN: %cfree cc -E -P %s | FileCheck %s
// CHECK: {char t0000; char t0001;
// CHECK-SAME: char t9999; }
#define LIM1(x) x##0; x##1; x##2; x##3; x##4; x##5; x##6; x##7; x##8; x##9;
#define LIM2(x) LIM1(x##0) LIM1(x##1) LIM1(x##2) LIM1(x##3) LIM1(x##4) \
		LIM1(x##5) LIM1(x##6) LIM1(x##7) LIM1(x##8) LIM1(x##9)
#define LIM3(x) LIM2(x##0) LIM2(x##1) LIM2(x##2) LIM2(x##3) LIM2(x##4) \
		LIM2(x##5) LIM2(x##6) LIM2(x##7) LIM2(x##8) LIM2(x##9)
#define LIM4(x) LIM3(x##0) LIM3(x##1) LIM3(x##2) LIM3(x##3) LIM3(x##4) \
		LIM3(x##5) LIM3(x##6) LIM3(x##7) LIM3(x##8) LIM3(x##9)
{LIM4(char t) }
