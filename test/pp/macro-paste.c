// Token pasting (C11 6.10.3.3): identifiers, numbers, punctuators, placemarkers
// and pasting results that are macros themselves.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:xy 12 += <<= -> a b L"s" u8"s"
// CHECK-NEXT:done done
// CHECK-NEXT:1e+ 0x1p %:%: <:
// CHECK-NEXT:13 abc
#define cat(a,b) a##b
#define xcat(a,b) cat(a,b)
cat(x,y) cat(1,2) cat(+,=) cat(<,<=) cat(-,>) cat(,) cat(a,) cat(,b) cat(L,"s") cat(u8,"s")
#define xy done
cat(x,y) xcat(x,y)
cat(1e,+) cat(0x,1p) cat(%:,%:) cat(<:, )
#define three(a,b,c) a##b##c
three(1,,3) three(,,) three(a,b,c)
#define PASTE_EMPTY(x) x ## ## x
