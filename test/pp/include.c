// #include forms: quoted, angled with -I, macro-expanded names, include guards
// and #pragma once (the second inclusion adds nothing), #include_next.
// Expected output: identical to gcc -E -P (checked when this test was written).
// RUN: %cfree cc -E -P -I%S/Inputs/inc/a -I%S/Inputs/inc/b %s | FileCheck --strict-whitespace --match-full-lines %s
// CHECK:int guarded_decl;
// CHECK-NEXT:{{^ +$}}
// CHECK-NEXT:int once_decl;
// CHECK-NEXT:int unguarded_decl_ 1;
// CHECK-NEXT:int unguarded_decl_ 2;
// CHECK-NEXT:int from_a;
// CHECK-NEXT:int from_b;
// CHECK-NEXT:has_include_ok
// CHECK-NEXT:has_include_defined
#include "Inputs/inc/guarded.h"
#include "Inputs/inc/guarded.h"
#include "Inputs/inc/once.h"
#include "Inputs/inc/once.h"
#define UNGUARDED_SUFFIX 1
#include "Inputs/inc/unguarded.h"
#undef UNGUARDED_SUFFIX
#define UNGUARDED_SUFFIX 2
#include "Inputs/inc/unguarded.h"
#define HDR <next.h>
#include HDR
#define Q(x) #x
#include Q(Inputs/inc/guarded.h)
#if __has_include("Inputs/inc/once.h") && __has_include(<next.h>) && !__has_include(<no/such.h>)
has_include_ok
#endif
#ifdef __has_include
has_include_defined
#endif
