// Skipped groups: directives inside are not diagnosed, unterminated quotes and
// comment starts do not confuse the skipper, nesting is tracked.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:after_first
// CHECK-NEXT:second_elif
// CHECK-NEXT:ifndef_taken
#if 0
#foo not a directive but skipped
don't worry about 'this
"or this
/* a comment that ends
#endif inside the comment is not a directive */
#if 1
#else
#endif
#endif
after_first
#if 0
#elif 0
#elif 1
second_elif
#else
#endif
#ifndef NOT_DEFINED
ifndef_taken
#endif
