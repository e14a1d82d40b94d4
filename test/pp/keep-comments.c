// -C keeps comments as tokens (except inside directives); their lines are
// accounted for in the line markers.  Output identical to gcc -E -C -P.
// RUN: %cfree cc -E -C -P -nostdinc %s | FileCheck %s --strict-whitespace --match-full-lines
// CHECK:// -C keeps comments as tokens (except inside directives); their lines are
// CHECK:/* leading
// CHECK-NEXT:   block comment */
// CHECK-NEXT:int a; // line comment
// CHECK-NEXT:int b = 1 /* after a macro */ + 2;
// CHECK-NEXT:  /* indented */ int c;
/* leading
   block comment */
int a; // line comment
#define X 1 /* in a directive: dropped */
int b = X /* after a macro */ + 2;
  /* indented */ int c;
