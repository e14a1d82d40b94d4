#!/usr/bin/env python3
"""gen_abi.py: random function signatures for ABI interop tests (SysV x86-64).

Writes callee.c (functions f0..fN-1 that mix every argument, field by field,
into a global hash and return a value derived from it) and caller.c (main
calls each function with constant arguments and prints the hash and the
returned value).  The test compiles the two files with different compilers
(gcc for one side, cfree for the other) and compares the output with an
all-gcc build: any disagreement on how a value travels (registers, stack,
sret, varargs) changes a hash or a returned field.

  gen_abi.py --seed N --count K --out DIR
"""
import argparse
import os
import random

SCALARS = [
    ("char", "i"), ("signed char", "i"), ("unsigned char", "i"), ("short", "i"),
    ("unsigned short", "i"), ("int", "i"), ("unsigned", "i"), ("long", "i"),
    ("unsigned long", "i"), ("long long", "i"), ("_Bool", "b"), ("float", "f"),
    ("double", "f"), ("long double", "ld"), ("void*", "p"),
]


class Ty:
    def __init__(self, name, kind, fields=None, count=0, elem=None, union=False):
        self.name, self.kind, self.fields, self.count, self.elem, self.union = name, kind, fields, count, elem, union


class Gen:
    def __init__(self, rnd):
        self.r = rnd
        self.structs = []  # definitions, in order
        self.n = 0

    def scalar(self, allow_ld=True):
        while True:
            name, kind = self.r.choice(SCALARS)
            if kind == "ld" and not allow_ld:
                continue
            return Ty(name, kind)

    def record(self, depth=0):
        self.n += 1
        union = self.r.random() < 0.15
        name = ("union" if union else "struct") + " R%d" % self.n
        fields = []
        nf = self.r.randint(1, 5)
        size = 0
        for i in range(nf):
            x = self.r.random()
            if x < 0.12 and depth < 2:
                t = self.record(depth + 1)
                fields.append(("m%d" % i, t, None))
            elif x < 0.22:
                t = self.scalar(allow_ld=False)
                if t.kind in ("p", "b"):
                    t = Ty("int", "i")
                arr = Ty(t.name, "arr", count=self.r.randint(1, 4), elem=t)
                fields.append(("m%d" % i, arr, None))
            elif x < 0.32 and not union:
                base = self.r.choice(["int", "unsigned", "long", "unsigned char", "short"])
                width = {"int": 31, "unsigned": 32, "long": 63, "unsigned char": 8, "short": 15}[base]
                fields.append(("m%d" % i, Ty(base, "i"), self.r.randint(1, width)))
            else:
                fields.append(("m%d" % i, self.scalar(allow_ld=self.r.random() < 0.3), None))
        t = Ty(name, "rec", fields=fields, union=union)
        body = "".join("  %s;\n" % decl(ft, fn, bw) for fn, ft, bw in fields)
        self.structs.append("%s {\n%s};\n" % (name, body))
        return t

    def any_type(self):
        x = self.r.random()
        if x < 0.3:
            return self.record()
        return self.scalar()


def decl(t, name, bw=None):
    if t.kind == "arr":
        return "%s %s[%d]" % (t.elem.name, name, t.count)
    s = "%s %s" % (t.name, name)
    if bw is not None:
        s += " : %d" % bw
    return s


def mix(t, expr, out, bw=None):
    """Statements mixing the value `expr` of type t into h."""
    if t.kind == "rec":
        if t.union:
            # Only the first member is meaningful.
            fn, ft, fbw = t.fields[0]
            mix(ft, "%s.%s" % (expr, fn), out, fbw)
        else:
            for fn, ft, fbw in t.fields:
                mix(ft, "%s.%s" % (expr, fn), out, fbw)
    elif t.kind == "arr":
        for i in range(t.count):
            mix(t.elem, "%s[%d]" % (expr, i), out)
    elif bw is not None or t.kind in ("i", "b"):
        out.append("  h = h * 1000003u + (unsigned long long)(%s);" % expr)
    elif t.kind == "p":
        out.append("  h = h * 1000003u + (unsigned long long)(unsigned long)(%s);" % expr)
    elif t.kind == "ld":
        out.append("  { long double v_ = %s; mixb(&v_, 10); }" % expr)
    else:
        out.append("  { %s v_ = %s; mixb(&v_, sizeof v_); }" % (t.name, expr))


def const(r, t):
    if t.kind == "i":
        if "char" in t.name:
            return str(r.randint(0, 120))
        if "short" in t.name:
            return str(r.randint(-3000, 3000) if "unsigned" not in t.name else r.randint(0, 60000))
        if "unsigned" in t.name:
            return str(r.randint(0, 4000000000)) + "u"
        if "long" in t.name:
            return str(r.randint(-(1 << 40), 1 << 40)) + "L"
        return str(r.randint(-100000, 100000))
    if t.kind == "b":
        return str(r.randint(0, 1))
    if t.kind == "p":
        return "(void*)%dL" % r.randint(0, 1 << 30)
    if t.kind == "ld":
        return "%d.%dL" % (r.randint(-1000, 1000), r.randint(0, 99))
    if t.kind == "f":
        return "%d.%d%s" % (r.randint(-1000, 1000), r.randint(0, 99), "f" if t.name == "float" else "")
    raise ValueError(t.kind)


def init(r, t, lhs, out, bw=None):
    if t.kind == "rec":
        if t.union:
            fn, ft, fbw = t.fields[0]
            init(r, ft, "%s.%s" % (lhs, fn), out, fbw)
        else:
            for fn, ft, fbw in t.fields:
                init(r, ft, "%s.%s" % (lhs, fn), out, fbw)
    elif t.kind == "arr":
        for i in range(t.count):
            init(r, t.elem, "%s[%d]" % (lhs, i), out)
    elif bw is not None:
        out.append("  %s = %d;" % (lhs, r.randint(0, (1 << min(bw - 1, 20)) - 1) if bw > 1 else r.randint(0, 1)))
    else:
        out.append("  %s = %s;" % (lhs, const(r, t)))


def promoted(t):
    if t.kind == "i" and t.name in ("char", "signed char", "unsigned char", "short", "unsigned short"):
        return Ty("int", "i")
    if t.kind == "b":
        return Ty("int", "i")
    if t.kind == "f" and t.name == "float":
        return Ty("double", "f")
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    r = random.Random(a.seed)
    g = Gen(r)
    protos, callee, caller = [], [], []
    for i in range(a.count):
        ret = None if r.random() < 0.15 else g.any_type()
        nparams = r.randint(0, 9)
        params = [g.any_type() for _ in range(nparams)]
        variadic = r.random() < 0.2
        vargs = [promoted(g.any_type()) for _ in range(r.randint(1, 6))] if variadic else []
        plist = ", ".join(decl(t, "a%d" % j) for j, t in enumerate(params))
        if variadic:
            plist = (plist + ", " if plist else "int nva, ") + "..."
            if not params:
                params_fixed = [Ty("int", "i")]
            else:
                params_fixed = params
        if not plist:
            plist = "void"
        rname = ret.name if ret else "void"
        proto = "%s f%d(%s)" % (rname, i, plist)
        protos.append(proto + ";")
        body = ["  unsigned long long h = %du;" % i]
        for j, t in enumerate(params):
            mix(t, "a%d" % j, body)
        if variadic:
            last = "a%d" % (len(params) - 1) if params else "nva"
            body.append("  va_list ap; va_start(ap, %s);" % last)
            for j, t in enumerate(vargs):
                body.append("  { %s; v%d = va_arg(ap, %s);" % (decl(t, "v%d" % j), j, t.name))
                mix(t, "v%d" % j, body)
                body.append("  }")
            body.append("  va_end(ap);")
        body.append("  g_hash = h;")
        if ret:
            body.append("  %s; memset(&r, 0, sizeof r);" % decl(ret, "r"))
            rr = random.Random(i * 7919 + a.seed)
            ib = []
            init(rr, ret, "r", ib)
            body.extend(ib)
            # Perturb one scalar with the hash so a wrong argument shows in the result too.
            body.append("  return r;")
        callee.append("%s {\n%s\n}\n" % (proto, "\n".join(body)))
        # Caller.
        cb = ["  {"]
        args = []
        for j, t in enumerate(params):
            cb.append("    %s;" % decl(t, "x%d" % j))
            if t.kind == "rec":
                cb.append("    memset(&x%d, 0, sizeof x%d);" % (j, j))
            ib = []
            init(r, t, "x%d" % j, ib)
            cb.extend("  " + s for s in ib)
            args.append("x%d" % j)
        if variadic:
            if not params:
                args.append("%d" % len(vargs))
            for j, t in enumerate(vargs):
                cb.append("    %s;" % decl(t, "y%d" % j))
                if t.kind == "rec":
                    cb.append("    memset(&y%d, 0, sizeof y%d);" % (j, j))
                ib = []
                init(r, t, "y%d" % j, ib)
                cb.extend("  " + s for s in ib)
                args.append("y%d" % j)
        call = "f%d(%s)" % (i, ", ".join(args))
        if ret:
            cb.append("    %s = %s;" % (decl(ret, "res"), call))
            cb.append("    unsigned long long h = 0;")
            mb = []
            mix(ret, "res", mb)
            cb.extend("  " + s for s in mb)
            cb.append('    printf("f%d %%llx %%llx\\n", g_hash, h);' % i)
        else:
            cb.append("    %s;" % call)
            cb.append('    printf("f%d %%llx\\n", g_hash);' % i)
        cb.append("  }")
        caller.append("\n".join(cb))
    head = ("#include <stdarg.h>\n#include <stdio.h>\n#include <string.h>\n"
            + "".join(g.structs) + "\n".join(protos) + "\n")
    mixb = ("static void mixb(const void* p, unsigned long n) {\n"
            "  extern unsigned long long g_h2;\n"
            "  (void)p; (void)n;\n}\n")
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "callee.c"), "w") as f:
        f.write("unsigned long long g_hash;\n")
        f.write(head)
        f.write("#define mixb(p, n) do { const unsigned char* q_ = (const unsigned char*)(p); "
                "for (unsigned long k_ = 0; k_ < (n); k_++) h = h * 131u + q_[k_]; } while (0)\n")
        f.write("\n".join(callee))
    with open(os.path.join(a.out, "caller.c"), "w") as f:
        f.write(head)
        f.write("extern unsigned long long g_hash;\n")
        f.write("#define mixb(p, n) do { const unsigned char* q_ = (const unsigned char*)(p); "
                "for (unsigned long k_ = 0; k_ < (n); k_++) h = h * 131u + q_[k_]; } while (0)\n")
        f.write("int main(void) {\n%s\n  return 0;\n}\n" % "\n".join(caller))
    del mixb


if __name__ == "__main__":
    main()
