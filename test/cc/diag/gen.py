#!/usr/bin/env python3
"""gen.py: (re)generate the invalid-program diagnostic tests in this directory.

Each case is a small C program with one deliberate error.  The generator
writes <name>.c with a RUN line and a CHECK line holding the diagnostic
`file:line:col: error: message` that cfree prints, after checking it against
`gcc -fsyntax-only` (same line, column and text, modulo quote style).  Cases
where gcc disagrees are reported and not written.  Usage:
    gen.py <cfree binary>      (run from anywhere; writes next to this script)
"""
import os, re, subprocess, sys

CASES = [
# --- undeclared identifiers, implicit declarations ---
("undeclared", "int f(void) {\n  return x;\n}\n"),
("undeclared-file-scope", "int a = b;\n"),
("undeclared-in-expr", "int f(int a) {\n  return a + y * 2;\n}\n"),
("unknown-type-name-param", "int f(foo_t a);\n"),
("unknown-type-name-local", "void f(void) {\n  foo_t x;\n}\n"),
# --- redefinitions / conflicts ---
("redef-var", "int x = 1;\nint x = 2;\n"),
("redef-func", "int f(void) { return 0; }\nint f(void) { return 1; }\n"),
("conflicting-types-func", "int f(int);\nlong f(int);\n"),
("conflicting-types-var", "int x;\nlong x;\n"),
("redecl-no-linkage", "void f(void) {\n  int a;\n  int a;\n}\n"),
("redecl-kind", "int x;\ntypedef int x;\n"),
("redef-struct", "struct S { int a; };\nstruct S { int b; };\n"),
("redef-union", "union U { int a; };\nunion U { int b; };\n"),
("redef-enum", "enum E { A };\nenum E { B };\n"),
("redef-enumerator", "enum E { A, A };\n"),
("enumerator-vs-var", "int A;\nenum E { A };\n"),
("wrong-kind-tag", "struct S { int a; };\nunion S *p;\n"),
("redef-typedef-conflict", "typedef int T;\ntypedef long T;\n"),
("redef-param", "int f(int a, int a) { return a; }\n"),
("static-follows-nonstatic", "int f(void);\nstatic int f(void) { return 0; }\n"),
("duplicate-member", "struct S { int a; int a; };\n"),
("duplicate-label", "void f(void) {\nl:;\nl:;\n}\n"),
("duplicate-case", "void f(int x) {\n  switch (x) {\n  case 1: break;\n  case 1: break;\n  }\n}\n"),
("duplicate-default", "void f(int x) {\n  switch (x) {\n  default: break;\n  default: break;\n  }\n}\n"),
# --- syntax ---
("missing-semi", "int f(void) {\n  int a = 1\n  return a;\n}\n"),
("missing-semi-decl", "int a\nint b;\n"),
("missing-rparen", "int f(int a) {\n  return (a + 1;\n}\n"),
("missing-rbracket", "int a[3;\n"),
("expected-expr", "int f(void) {\n  return );\n}\n"),
("expected-expr-2", "int f(int a) {\n  return a + ;\n}\n"),
("expected-ident-decl", "int 3x;\n"),
("stray-rbrace", "int a;\n}\n"),
("eof-in-func", "int f(void) {\n  return 0;\n"),
("expected-stmt", "void f(void) {\n  if (1)\n}\n"),
("else-without-if", "void f(void) {\n  else return;\n}\n"),
("missing-while", "void f(void) {\n  do { } (1);\n}\n"),
("bad-for", "void f(void) {\n  for (int i = 0; i < 3 i++) ;\n}\n"),
("two-types", "int char x;\n"),
("signed-unsigned", "signed unsigned int x;\n"),
("long-long-long", "long long long x;\n"),
("short-double", "short double x;\n"),
("multiple-storage", "static extern int x;\n"),
("typedef-init", "typedef int T = 3;\n"),
("func-init", "int f(void) = 0;\n"),
# --- lvalues and assignment ---
("assign-rvalue", "void f(int a) {\n  a + 1 = 2;\n}\n"),
("assign-const-var", "void f(void) {\n  const int c = 1;\n  c = 2;\n}\n"),
("assign-const-member", "struct S { const int m; };\nvoid f(struct S *s) {\n  s->m = 1;\n}\n"),
("assign-const-location", "void f(const int *p) {\n  *p = 1;\n}\n"),
("assign-array", "void f(void) {\n  int a[2], b[2];\n  a = b;\n}\n"),
("incr-rvalue", "void f(int a) {\n  (a + 1)++;\n}\n"),
("incr-const", "void f(void) {\n  const int c = 0;\n  c++;\n}\n"),
("decr-const", "void f(void) {\n  const int c = 0;\n  --c;\n}\n"),
("addr-of-rvalue", "int *f(int a) {\n  return &(a + 1);\n}\n"),
("addr-of-bitfield", "struct S { int b : 3; };\nvoid *f(struct S *s) {\n  return &s->b;\n}\n"),
("addr-of-register", "int *f(void) {\n  register int r = 0;\n  return &r;\n}\n"),
("compound-assign-rvalue", "void f(int a) {\n  3 += a;\n}\n"),
# --- operand types ---
("binop-struct", "struct S { int a; };\nint f(struct S s) {\n  return s + 1;\n}\n"),
("binop-ptr-ptr-add", "int f(int *p, int *q) {\n  return p + q;\n}\n"),
("binop-mod-float", "double f(double a) {\n  return a % 2;\n}\n"),
("binop-shift-float", "double f(double a) {\n  return a << 1;\n}\n"),
("binop-and-ptr", "long f(int *p) {\n  return p & 1;\n}\n"),
("binop-mul-ptr", "long f(int *p) {\n  return p * 2;\n}\n"),
("unary-minus-ptr", "void f(int *p) {\n  -p;\n}\n"),
("unary-tilde-float", "void f(double d) {\n  ~d;\n}\n"),
("unary-not-struct", "struct S { int a; };\nint f(struct S s) {\n  return !s;\n}\n"),
("deref-int", "int f(int a) {\n  return *a;\n}\n"),
("subscript-int", "int f(int a) {\n  return a[1];\n}\n"),
("subscript-non-int", "int f(int *p, double d) {\n  return p[d];\n}\n"),
("member-non-struct", "int f(int a) {\n  return a.x;\n}\n"),
("arrow-non-pointer", "struct S { int x; };\nint f(struct S s) {\n  return s->x;\n}\n"),
("no-member", "struct S { int x; };\nint f(struct S *s) {\n  return s->y;\n}\n"),
("no-member-dot", "struct S { int x; };\nint f(struct S s) {\n  return s.z;\n}\n"),
("incomplete-member", "struct S;\nint f(struct S *s) {\n  return s->x;\n}\n"),
("call-non-function", "int f(int a) {\n  return a(1);\n}\n"),
("too-few-args", "int g(int, int);\nint f(void) {\n  return g(1);\n}\n"),
("too-many-args", "int g(int);\nint f(void) {\n  return g(1, 2);\n}\n"),
("arg-struct-mismatch", "struct S { int a; };\nint g(struct S);\nint f(void) {\n  return g(1);\n}\n"),
("cond-struct", "struct S { int a; };\nint f(struct S s) {\n  return s ? 1 : 2;\n}\n"),
("if-struct", "struct S { int a; };\nvoid f(struct S s) {\n  if (s) return;\n}\n"),
("while-struct", "struct S { int a; };\nvoid f(struct S s) {\n  while (s) ;\n}\n"),
("switch-float", "void f(double d) {\n  switch (d) { default: break; }\n}\n"),
("switch-ptr", "void f(int *p) {\n  switch (p) { default: break; }\n}\n"),
("void-value", "void g(void);\nint f(void) {\n  return g() + 1;\n}\n"),
("void-value-assign", "void g(void);\nvoid f(void) {\n  int a = g();\n}\n"),
("assign-struct-int", "struct S { int a; };\nvoid f(struct S s) {\n  s = 1;\n}\n"),
("init-struct-int", "struct S { int a; };\nvoid f(void) {\n  struct S s = 1;\n}\n"),
("return-struct-int", "struct S { int a; };\nstruct S f(void) {\n  return 1;\n}\n"),
("return-int-struct", "struct S { int a; };\nint f(struct S s) {\n  return s;\n}\n"),
("cast-to-struct", "struct S { int a; };\nvoid f(int a) {\n  (struct S)a;\n}\n"),
("cast-struct-to-int", "struct S { int a; };\nint f(struct S s) {\n  return (int)s;\n}\n"),
("cast-ptr-to-float", "double f(int *p) {\n  return (double)p;\n}\n"),
("cast-float-to-ptr", "int *f(double d) {\n  return (int *)d;\n}\n"),
("sizeof-incomplete", "struct S;\nint f(void) {\n  return sizeof(struct S);\n}\n"),
("sizeof-bitfield", "struct S { int b : 3; };\nint f(struct S *s) {\n  return sizeof(s->b);\n}\n"),
("alignof-incomplete", "struct S;\nint f(void) {\n  return _Alignof(struct S);\n}\n"),
("typedef-as-expr", "typedef int T;\nint f(void) {\n  return T;\n}\n"),
("logical-struct", "struct S { int a; };\nint f(struct S s) {\n  return s && 1;\n}\n"),
# --- declarations / types ---
("array-of-functions", "int a[3](void);\n"),
("func-returning-array", "int f(void)[3];\n"),
("func-returning-func", "int f(void)(void);\n"),
("array-of-void", "void a[3];\n"),
("negative-array", "int a[-1];\n"),
("non-int-array-size", "int a[1.5];\n"),
("void-var", "void v;\n"),
("incomplete-local", "struct S;\nvoid f(void) {\n  struct S s;\n}\n"),
("incomplete-elem", "struct S;\nstruct S a[3];\n"),
("field-incomplete", "struct S;\nstruct T { struct S s; };\n"),
("field-function", "struct T { int f(void); };\n"),
("flex-not-last", "struct T { int a[]; int b; };\n"),
("bitfield-width-neg", "struct T { int b : -1; };\n"),
("bitfield-too-wide", "struct T { int b : 40; };\n"),
("bitfield-zero-named", "struct T { int b : 0; };\n"),
("bitfield-float", "struct T { double d : 3; };\n"),
("vla-file-scope", "int n;\nint a[n];\n"),
("static-assert-fail", "_Static_assert(1 == 2, \"math\");\n"),
("static-assert-fail-nomsg", "_Static_assert(sizeof(int) == 3, \"int size\");\n"),
("static-assert-nonconst", "int n;\n_Static_assert(n, \"x\");\n"),
("case-nonconst", "void f(int x, int y) {\n  switch (x) { case y: break; }\n}\n"),
("case-outside-switch", "void f(void) {\n  case 1: ;\n}\n"),
("default-outside-switch", "void f(void) {\n  default: ;\n}\n"),
("break-outside", "void f(void) {\n  break;\n}\n"),
("continue-outside", "void f(void) {\n  continue;\n}\n"),
("continue-in-switch", "void f(int x) {\n  switch (x) { case 1: continue; }\n}\n"),
("label-undefined", "void f(void) {\n  goto nowhere;\n}\n"),
("enum-nonconst", "int n;\nenum E { A = n };\n"),
("array-size-nonconst-static", "void f(int n) {\n  static int a[n];\n}\n"),
("storage-param", "void f(static int a);\n"),
("auto-file-scope", "auto int x;\n"),
("register-file-scope", "register int x;\n"),
("static-func-in-block", "void f(void) {\n  static int g(void);\n}\n"),
("extern-init-block", "void f(void) {\n  extern int x = 1;\n}\n"),
("void-param-named", "int f(void a);\n"),
("void-param-not-only", "int f(int, void);\n"),
("init-func", "int g(void);\nvoid f(void) {\n  int x[2] = g;\n}\n"),
("nonconst-global-init", "int g(void);\nint x = g();\n"),
("nonconst-global-init-var", "int a = 1;\nint b = a;\n"),
("nonconst-addr-local", "void f(void) {\n  int x;\n  static int *p = &x;\n}\n"),
("array-index-oob-init", "int a[2] = { [5] = 1 };\n"),
("designator-nonarray", "int a = { [0] = 1 };\n"),
("field-designator-nonstruct", "int a[2] = { .x = 1 };\n"),
("unknown-field-designator", "struct S { int a; };\nstruct S s = { .b = 1 };\n"),
("generic-no-match", "int f(void) {\n  return _Generic(1.0, int: 1, char *: 2);\n}\n"),
("va-start-fixed", "#include <stdarg.h>\nvoid f(int a) {\n  va_list ap;\n  va_start(ap, a);\n}\n"),
("return-type-incomplete", "struct S;\nstruct S f(void) {\n  struct S *p = 0;\n  return *p;\n}\n"),
("deref-void-use", "int f(void *p) {\n  return *p + 1;\n}\n"),
("ptr-arith-incomplete", "struct S;\nstruct S *f(struct S *p) {\n  return p + 1;\n}\n"),
("ptr-diff-mismatch", "long f(int *p, char *q) {\n  return p - q;\n}\n"),
("neg-shift-ptr", "int f(int *p) {\n  return 1 << p;\n}\n"),
("compound-ptr-ptr", "void f(int *p, int *q) {\n  p += q;\n}\n"),
("compound-struct", "struct S { int a; };\nvoid f(struct S s) {\n  s += 1;\n}\n"),
("incr-struct", "struct S { int a; };\nvoid f(struct S s) {\n  s++;\n}\n"),
("call-too-many-void", "int g(void);\nint f(void) {\n  return g(1);\n}\n"),
("attr-aligned-npot", "int x __attribute__((aligned(3)));\n"),
("stray-char", "int f(void) {\n  return 1 @ 2;\n}\n"),
("stray-backslash", "int x = 1 \\ 2;\n"),
("struct-no-brace-notag", "struct;\nint x;\n"),
("expected-rbrace-init", "int a[2] = { 1, 2 ;\n"),
("missing-comma-args", "int g(int, int);\nint f(void) {\n  return g(1 2);\n}\n"),
("param-list-garbage", "int f(int a, +);\n"),
("extra-paren", "int f(void) {\n  return (1));\n}\n"),
("missing-colon-cond", "int f(int a) {\n  return a ? 1;\n}\n"),
("goto-no-label", "void f(void) {\n  goto 3;\n}\n"),
("sizeof-function-call-void", "void g(void);\nint f(void) {\n  int a[sizeof(int)] = { g() };\n  return a[0];\n}\n"),
("cast-to-array", "void f(int *p) {\n  (int[2])p;\n}\n"),
("array-assign-init-nonconst", "struct S { int a; };\nstruct S g(void);\nstruct S s = g();\n"),
("offsetof-no-member", "#include <stddef.h>\nstruct S { int a; };\nint x = offsetof(struct S, b);\n"),
("label-dup-nested", "void f(void) {\n  { l: ; }\n  { l: ; }\n}\n"),
("float-bitwise", "double f(double a, double b) {\n  return a | b;\n}\n"),
("float-xor", "double f(double a, double b) {\n  return a ^ b;\n}\n"),
("struct-compare", "struct S { int a; };\nint f(struct S a, struct S b) {\n  return a == b;\n}\n"),
("struct-less", "struct S { int a; };\nint f(struct S a, struct S b) {\n  return a < b;\n}\n"),
("typedef-redecl-var-block", "void f(void) {\n  typedef int T;\n  int T;\n}\n"),
("enum-incomplete-sizeof", "enum E;\nint x = sizeof(enum E);\n"),
("init-excess-scalar-brace", "int f(void) {\n  int x = {};\n  return x + y;\n}\n"),
("missing-semi-struct", "struct S { int a }\n;\n"),
("member-of-ptr-dot", "struct S { int x; };\nint f(struct S *s) {\n  return s.x;\n}\n"),
("undeclared-twice", "int f(void) {\n  return q + q;\n}\n"),
("non-lvalue-incr-call", "int g(void);\nvoid f(void) {\n  g()++;\n}\n"),
("extern-after-static-local", "void f(void) {\n  int x;\n  extern int x;\n}\n"),
("shift-struct", "struct S { int a; };\nint f(struct S s) {\n  return s >> 1;\n}\n"),
("bool-of-void", "void g(void);\nint f(void) {\n  return !g();\n}\n"),
("case-range-nonconst", "void f(int x, int y) {\n  switch (x) { case 1 ... y: break; }\n}\n"),
# --- complex types ---
("complex-relational", "int f(_Complex double a, _Complex double b) {\n  return a < b;\n}\n"),
("complex-relational-real", "int f(_Complex float a) {\n  return 1 >= a;\n}\n"),
("complex-modulo", "_Complex int f(_Complex int a) {\n  return a % 2;\n}\n"),
("complex-shift", "_Complex int f(_Complex int a) {\n  return a << 1;\n}\n"),
("complex-bitand", "_Complex int f(_Complex int a, int b) {\n  return a & b;\n}\n"),
("complex-switch", "void f(_Complex int a) {\n  switch (a) { default: break; }\n}\n"),
("complex-subscript", "int f(int *p, _Complex int a) {\n  return p[a];\n}\n"),
("complex-to-pointer", "int *f(_Complex double a) {\n  return a;\n}\n"),
]

def first_error(out):
    for line in out.splitlines():
        m = re.match(r"^(.*?):(\d+):(\d+): (?:fatal )?error: (.*)$", line)
        if m:
            msg = m.group(4).replace("\u2018", "'").replace("\u2019", "'")
            msg = re.sub(r" \[-W[^\]]*\]$", "", msg)
            return int(m.group(2)), int(m.group(3)), msg
    return None

def main():
    cfree = os.path.abspath(sys.argv[1])
    here = os.path.dirname(os.path.abspath(__file__))
    header = "// RUN: not %cfree cc -fsyntax-only %s 2>&1 | FileCheck %s\n"
    bad = 0
    for name, src in CASES:
        path = os.path.join(here, name + ".c")
        body = header + src
        with open(path, "w") as f:
            f.write(body)
        c = subprocess.run([cfree, "cc", "-fsyntax-only", path], capture_output=True, text=True)
        g = subprocess.run(["gcc", "-fsyntax-only", path], capture_output=True, text=True,
                           env=dict(os.environ, LC_ALL="C"))
        ce, ge = first_error(c.stderr), first_error(g.stderr)
        if ce is None or c.returncode == 0 or (ge is not None and ce != ge):
            print("MISMATCH %s\n  cfree: %s\n  gcc:   %s" % (name, ce, ge))
            bad += 1
            os.unlink(path)
            continue
        line, col, msg = ce
        msg_re = re.escape(msg).replace("\\ ", " ").replace("\\'", "'").replace("\\-", "-")
        with open(path, "a") as f:
            f.write("// CHECK: %s.c:%d:%d: error: %s\n" % (name, line, col, msg.replace("{{", "{ {")))
    print("%d written, %d mismatches" % (len(CASES) - bad, bad))

if __name__ == "__main__":
    main()
