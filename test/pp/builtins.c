// Dynamic built-in macros: __LINE__ (also inside a multi-line invocation),
// __FILE__ through #line, __COUNTER__, __INCLUDE_LEVEL__, __BASE_FILE__, and
// __STDC__/__STDC_HOSTED__.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P  %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:int line = 17;
// CHECK-NEXT:int l2 = 19;
// CHECK-NEXT:int l3 = 22;
// CHECK-NEXT:int c0 = 0, c1 = 1, c2 = 2;
// CHECK-NEXT:int level = 0;
// CHECK-NEXT:int stdc = 1, hosted = 1;
// CHECK-NEXT:const char *f = "renamed.c"; int l100 = 100;
// CHECK-NEXT:int level_in_header = 1;
// CHECK-NEXT:const char *file_in_header = "{{.*}}/test/pp/Inputs/inc/level.h";
// CHECK-NEXT:const char *base_in_header = "{{.*}}/test/pp/builtins.c";
// CHECK-NEXT:int l7 = 7;
int line = __LINE__;
#define L __LINE__
int l2 = L;
#define id(x) x
int l3 = id(
  __LINE__
  );
int c0 = __COUNTER__, c1 = __COUNTER__, c2 = __COUNTER__;
int level = __INCLUDE_LEVEL__;
int stdc = __STDC__, hosted = __STDC_HOSTED__;
#line 100 "renamed.c"
const char *f = __FILE__; int l100 = __LINE__;
#include "Inputs/inc/level.h"
#line 7
int l7 = __LINE__;
