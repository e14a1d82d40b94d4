// Stringification (C11 6.10.3.2): spacing, escapes of string and character
// literals, empty arguments, and arguments that come from other macros.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:"a + b" "leading" "trailing" "\"q\\\"uote\\\\\"" "'\"'" "'\\''" ""
// CHECK-NEXT:"a b" "L\"wide\" u8\"utf\"" "@" "a b"
// CHECK-NEXT:"1 + 2" "1 PLUS 2" "+ +" "-+-"
// CHECK-NEXT:"" "" "x" "y"
#define s(x) #x
#define xs(x) s(x)
s(a    +   b) s( leading) s(trailing ) s("q\"uote\\") s('"') s('\'') s()
s(  a  /* comment */  b  ) s(L"wide" u8"utf") s(@) s(a
b)
#define PLUS +
xs(1 PLUS 2) s(1 PLUS 2) xs(PLUS PLUS) xs(-PLUS-)
#define two(a,b) #a #b
two(,) two( x , y )
