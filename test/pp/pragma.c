// #pragma and _Pragma in -E output: unknown pragmas are printed (re-joined with
// single spaces), once/push_macro/pop_macro are consumed, _Pragma is destringized.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:#pragma pack ( push , 1 )
// CHECK-NEXT:#pragma weak foo
// CHECK-NEXT:#pragma GCC diagnostic push
// CHECK-NEXT:#pragma STDC FP_CONTRACT ON
// CHECK-NEXT:{{^ +$}}
// CHECK-NEXT:int before = 2;
// CHECK-NEXT:{{^ +$}}
// CHECK-NEXT:int after = 1;
// CHECK-EMPTY:
// CHECK-NEXT:#pragma message("hello")
// CHECK-EMPTY:
// CHECK-NEXT:#pragma omp parallel for
#pragma   pack ( push ,  1 )
#pragma weak foo
#pragma GCC diagnostic push
#pragma STDC FP_CONTRACT ON
#define X 1
#pragma push_macro("X")
#undef X
#define X 2
int before = X;
#pragma pop_macro("X")
int after = X;
#define DO_PRAGMA(x) _Pragma(#x)
DO_PRAGMA(message("hello"))
_Pragma("omp parallel for")
