// -E line markers in GCC's format: the <built-in>/<command-line> prologue,
// " 1" on entering a file, " 2" on returning, " 3 4" for system headers, a
// marker when a system macro's tokens appear in user code, blank lines for
// small jumps and a marker for jumps of 8 lines or more.  (Expected text as
// gcc -E prints it for this file.)
// RUN: %cfree cc -E -isystem %S/Inputs/sys -nostdinc %s | FileCheck %s --strict-whitespace --match-full-lines
// CHECK:# 0 "{{.*}}markers.c"
// CHECK-NEXT:# 0 "<built-in>"
// CHECK-NEXT:# 0 "<command-line>"
// CHECK-NEXT:# 1 "{{.*}}markers.c"
// CHECK-NEXT:# 31 "{{.*}}markers.c"
// CHECK-NEXT:# 1 "{{.*}}Inputs/sys/sysmacro.h" 1 3 4
// CHECK-EMPTY:
// CHECK-EMPTY:
// CHECK-EMPTY:
// CHECK-NEXT:# 3 "{{.*}}Inputs/sys/sysmacro.h" 3 4
// CHECK-NEXT:int sys_decl;
// CHECK-NEXT:# 32 "{{.*}}markers.c" 2
// CHECK-EMPTY:
// CHECK-EMPTY:
// CHECK-NEXT:# 33 "{{.*}}markers.c"
// CHECK-NEXT:int a = 
// CHECK-NEXT:# 33 "{{.*}}markers.c" 3 4
// CHECK-NEXT:       sys_value
// CHECK-NEXT:# 33 "{{.*}}markers.c"
// CHECK-NEXT:                ;
// CHECK-EMPTY:
// CHECK-NEXT:  int indented;
// CHECK-NEXT:# 45 "{{.*}}markers.c"
// CHECK-NEXT:int far;
#include <sysmacro.h>

int a = SYS_VALUE;

  int indented;









int far;
