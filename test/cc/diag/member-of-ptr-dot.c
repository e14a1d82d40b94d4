// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s
struct S { int x; };
int f(struct S *s) {
  return s.x;
}
// CHECK: member-of-ptr-dot.c:4:11: error: 's' is a pointer; did you mean to use '->'?
