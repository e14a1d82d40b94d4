// C11 6.10.3.5 EXAMPLE 4: # and ## with string literals and character constants.
// Expected output verified token for token against the standard's text and
// byte for byte against gcc -E -P.
// RUN: %cfree cc -E -P %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
// CHECK-NEXT:fputs("strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n", s);
// CHECK-NEXT:"vers2.h"
// CHECK-NEXT:"hello";
// CHECK-NEXT:"hello" ", world"
#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\0d", "abc", '\4') // this goes away
 == 0) str(: @\n), s);
xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)
