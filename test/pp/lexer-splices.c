// Lexing: line splices inside tokens and between them, digraphs, pp-numbers,
// UTF-8 and UCN identifiers, literal prefixes.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:int spliced = 12;
// CHECK-NEXT:a b
// CHECK-NEXT:<: :> <% %> %: %:%:
// CHECK-NEXT:x = 1e+10 + 0x1p-3 + 1.e5 + .5f + 08.9e1x + 1..2 + 0xe+1;
// CHECK-NEXT:const char *s = "abcdef";
// CHECK-NEXT:L'x' u'y' U'z' u8"s" L"w" u"16" U"32"
// CHECK-NEXT:a+++++b a-->b a&&&b
int sp\
liced = 1\
2;
#define LONG \
  a \
  b
LONG
<: :> <% %> %: %:%:
x = 1e+10 + 0x1p-3 + 1.e5 + .5f + 08.9e1x + 1..2 + 0xe+1;
const char *s = "abc\
def";
L'x' u'y' U'z' u8"s" L"w" u"16" U"32"
a+++++b a-->b a&&&b
