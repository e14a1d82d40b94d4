// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
int f(void) {
  int h(void) { return 1; }
  int h(void) { return 2; }
  return h();
}
// CHECK: nested-redef.c:4:7: error: redefinition of 'h'
// CHECK: nested-redef.c:3:7: note: previous definition of 'h' with type 'int(void)'
