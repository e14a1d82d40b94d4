// Dependency output: -M (all headers, incl. system ones), -MM (user headers),
// -MT/-MQ targets, -MP phony targets, -MD/-MF files beside -E output.
// RUN: cd %S && %cfree cc -MM -IInputs/inc/a -IInputs/inc/b deps.c | FileCheck %s --check-prefix=MM --match-full-lines
// MM:deps.o: deps.c Inputs/inc/guarded.h Inputs/inc/a/next.h \
// MM-NEXT: Inputs/inc/b/next.h
// RUN: cd %S && %cfree cc -M -IInputs/inc/a -IInputs/inc/b deps.c | FileCheck %s --check-prefix=M
// M:deps.o: deps.c {{.*}}stdc-predef.h Inputs/inc/guarded.h
// RUN: cd %S && %cfree cc -MM -MT 'out/x y.o' -MP -IInputs/inc/a -IInputs/inc/b deps.c | FileCheck %s --check-prefix=MP --match-full-lines
// MP:out/x y.o: deps.c Inputs/inc/guarded.h Inputs/inc/a/next.h \
// MP-NEXT: Inputs/inc/b/next.h
// MP-NEXT:Inputs/inc/guarded.h:
// MP-NEXT:Inputs/inc/a/next.h:
// MP-NEXT:Inputs/inc/b/next.h:
// RUN: cd %S && %cfree cc -MM -MQ '$lib.o' -IInputs/inc/a -IInputs/inc/b deps.c | FileCheck %s --check-prefix=MQ
// MQ:$$lib.o: deps.c
// RUN: cd %S && %cfree cc -E -MMD -MF %t.d -IInputs/inc/a -IInputs/inc/b deps.c -o %t.i && FileCheck %s --check-prefix=MD < %t.d && FileCheck %s --check-prefix=TEXT < %t.i
// MD:deps.o: deps.c Inputs/inc/guarded.h Inputs/inc/a/next.h \
// TEXT:int guarded_decl;
#include "Inputs/inc/guarded.h"
#include <next.h>
