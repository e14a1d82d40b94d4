#!/usr/bin/env python3
"""call_diff.py: differential test of cfree's call classification against
gcc's code, for x86_64, aarch64 and riscv64.

Generates random function signatures over every scalar class (integers of
each width, _Bool, pointers, float, double, long double, __int128, _Complex
float/double/long double) and random records up to 64 bytes (from
layout_diff.py's generator: bit-fields, packed, aligned, arrays, nested and
anonymous members, unions), some of them variadic with extra promoted
arguments.  For each signature it writes a caller
    void call_N(void) { r_N = f_N(g_N_0, g_N_1, ...); }
compiles it with gcc -O1 -S for the target, and follows the caller's
instructions symbolically (which bytes of which global each register and
outgoing stack slot holds at the call, which registers point to copies
passed by reference or to the sret buffer; which result register is stored
to which byte of r_N afterwards).  cfree-abi-layout prints the same from
cfree_abi_classify_call, and the two are compared per argument and result,
including %al of x86-64 variadic calls.  The x86-64 reader is below; the
aarch64/riscv64 one is call_sim_risc.py.
"""
import argparse
import os
import random
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layout_diff as L  # noqa: E402
import call_sim_risc as R  # noqa: E402

GCC_CMD = {
    "x86_64": ["gcc", "-maccumulate-outgoing-args"],
    "aarch64": ["aarch64-linux-gnu-gcc", "-fno-section-anchors"],
    "riscv64": ["riscv64-linux-gnu-gcc", "-fno-section-anchors"],
}

SCALARS = [("char", "char"), ("schar", "signed char"), ("uchar", "unsigned char"),
           ("short", "short"), ("ushort", "unsigned short"), ("int", "int"), ("uint", "unsigned"),
           ("long", "long"), ("ulong", "unsigned long"), ("llong", "long long"),
           ("int128", "__int128"), ("uint128", "unsigned __int128"), ("bool", "_Bool"),
           ("float", "float"), ("double", "double"), ("ldouble", "long double"),
           ("ptr", "void*"), ("cfloat", "_Complex float"), ("cdouble", "_Complex double"),
           ("cldouble", "_Complex long double")]
PROMOTE = {"char": "int", "schar": "int", "uchar": "int", "short": "int", "ushort": "int",
           "bool": "int", "float": "double"}
GPR = {"rdi": "rdi", "edi": "rdi", "di": "rdi", "dil": "rdi", "rsi": "rsi", "esi": "rsi",
       "si": "rsi", "sil": "rsi", "rdx": "rdx", "edx": "rdx", "dx": "rdx", "dl": "rdx",
       "rcx": "rcx", "ecx": "rcx", "cx": "rcx", "cl": "rcx", "rax": "rax", "eax": "rax",
       "ax": "rax", "al": "rax", "rbx": "rbx", "ebx": "rbx", "bx": "rbx", "bl": "rbx",
       "rbp": "rbp", "ebp": "rbp", "rsp": "rsp"}
for n in range(8, 16):
    for suf in ("", "d", "w", "b"):
        GPR["r%d%s" % (n, suf)] = "r%d" % n
ARG_REGS = ["rdi", "rsi", "rdx", "rcx", "r8", "r9"] + ["xmm%d" % i for i in range(8)]


def norm_reg(r):
    r = r.lstrip("%")
    if r.startswith("xmm"):
        return r
    return GPR.get(r, r)


class Sim:
    """Symbolic x86-64 state: a value is [lo, hi], each a frozenset of
    (symbol, byte offset) pieces it came from (hi only for 16-byte values)."""

    def __init__(self):
        self.consumed = set()  # registers read since their last write (temporaries)
        self.reg = {}
        self.mem = {}   # offset from the entry rsp -> piece set (8-byte chunks)
        self.rsp = 0
        self.x87 = []

    def operand(self, op, width):
        op = op.strip()
        if op.startswith("$"):
            if re.match(r"^\$-?\d+$", op):
                return [frozenset([("$imm", int(op[1:], 0))]), frozenset()]
            return [frozenset([("$addr:" + op[1:].split("+")[0], 0)]), frozenset()]
        if op == "%rsp":
            return [frozenset([("$stackaddr", self.rsp)]), frozenset()]
        if op.startswith("%"):
            self.consumed.add(norm_reg(op))
            return self.reg.get(norm_reg(op), [frozenset(), frozenset()])
        m = re.match(r"^(?:(-?\d+)\+)?([A-Za-z_.][\w.]*)(?:\+(\d+))?\(%rip\)$", op)
        if m:
            off = int(m.group(1) or 0) + int(m.group(3) or 0)
            return [frozenset([(m.group(2), off)]),
                    frozenset([(m.group(2), off + 8)]) if width > 8 else frozenset()]
        m = re.match(r"^(-?\d*)\(%rsp\)$", op)
        if m:
            a = self.rsp + int(m.group(1) or 0)
            return [self.mem.get(a, frozenset()), self.mem.get(a + 8, frozenset()) if width > 8 else frozenset()]
        return [frozenset(), frozenset()]

    def store(self, op, val, width):
        op = op.strip()
        if op.startswith("%"):
            self.reg[norm_reg(op)] = val
            self.consumed.discard(norm_reg(op))
            return None
        m = re.match(r"^(-?\d*)\(%rsp\)$", op)
        if m:
            a = self.rsp + int(m.group(1) or 0)
            self.mem[a] = val[0]
            if width > 8:
                self.mem[a + 8] = val[1]
            return None
        m = re.match(r"^(?:(-?\d+)\+)?([A-Za-z_.][\w.]*)(?:\+(\d+))?\(%rip\)$", op)
        if m:
            return (m.group(2), int(m.group(1) or 0) + int(m.group(3) or 0))
        return None


def width_of(mn, ops):
    if mn in ("movdqa", "movdqu", "movaps", "movups", "movapd", "movupd"):
        return 16
    return 8


def split_ops(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur)
    return [o.strip() for o in out]


def analyse(lines, sym_prefix, ret_sym):
    """Returns (args: {k: [(loc, off)]}, sret, al, ret: [(reg, off)])."""
    s = Sim()
    called = False
    ret_pieces = []
    result = None
    for ln in lines:
        ln = ln.strip()
        if not ln or ln.endswith(":") or ln.startswith("."):
            continue
        parts = ln.split(None, 1)
        mn = parts[0]
        ops = split_ops(parts[1]) if len(parts) > 1 else []
        if mn == "call":
            called = True
            result = {}
            for k in ARG_REGS:
                if k in s.consumed:
                    continue
                for sym, off in s.reg.get(k, [frozenset(), frozenset()])[0]:
                    if sym.startswith(sym_prefix):
                        result.setdefault(int(sym[len(sym_prefix):]), {}).setdefault(k, []).append(off)
            stack = {}
            for a, pieces in s.mem.items():
                for sym, off in pieces:
                    if sym.startswith(sym_prefix) and a >= s.rsp:
                        stack.setdefault(int(sym[len(sym_prefix):]), []).append((a - s.rsp, off))
            args = {}
            for k, regs in result.items():
                args[k] = [(r, min(o)) for r, o in regs.items()]
            for k, chunks in stack.items():
                a, off = min(chunks)
                args.setdefault(k, []).append(("stack%d" % a, off))
            rdi = s.reg.get("rdi", [frozenset(), frozenset()])[0]
            sret = any(sym == "$stackaddr" or sym == "$addr:" + ret_sym for sym, _ in rdi)
            al = [v for sym, v in s.reg.get("rax", [frozenset(), frozenset()])[0] if sym == "$imm"]
            # After the call: results.
            s.reg = {"rax": [frozenset([("$R:rax", 0)]), frozenset()],
                     "rdx": [frozenset([("$R:rdx", 0)]), frozenset()],
                     "xmm0": [frozenset([("$R:xmm0", 0)]), frozenset([("$R:xmm0", 8)])],
                     "xmm1": [frozenset([("$R:xmm1", 0)]), frozenset([("$R:xmm1", 8)])]}
            s.x87 = [[frozenset([("$R:st0", 0)]), frozenset()], [frozenset([("$R:st1", 0)]), frozenset()]]
            continue
        if mn in ("subq", "addq") and len(ops) == 2 and ops[1] == "%rsp":
            n = int(ops[0][1:])
            s.rsp += -n if mn == "subq" else n
            continue
        if mn == "pushq":
            v = s.operand(ops[0], 8)
            s.rsp -= 8
            s.mem[s.rsp] = v[0]
            continue
        if mn == "leaq":
            m = re.match(r"^(-?\d*)\(%rsp\)$", ops[0])
            if m:
                s.reg[norm_reg(ops[1])] = [frozenset([("$stackaddr", s.rsp + int(m.group(1) or 0))]), frozenset()]
            else:
                m = re.match(r"^(?:(-?\d+)\+)?([A-Za-z_.][\w.]*)(?:\+(\d+))?\(%rip\)$", ops[0])
                sym = m.group(2) if m else "?"
                s.reg[norm_reg(ops[1])] = [frozenset([("$addr:" + sym, 0)]), frozenset()]
            continue
        if mn in ("rep", "rep;") or mn.startswith("rep"):
            # rep movsq/movsl/movsb: copy rcx units from rsi (a global) to rdi (the stack)
            unit = {"movsq": 8, "movsl": 4, "movsb": 1}.get(ops[0] if ops else parts[1].strip(), 8)
            src = [p for p in s.reg.get("rsi", [frozenset()])[0]]
            dst = [p for p in s.reg.get("rdi", [frozenset()])[0] if p[0] == "$stackaddr"]
            cnt = [p[1] for p in s.reg.get("rcx", [frozenset()])[0] if p[0] == "$imm"]
            if src and dst and cnt and src[0][0].startswith("$addr:"):
                g = src[0][0][6:]
                for i in range(0, cnt[0] * unit, 8):
                    s.mem[dst[0][1] + i] = frozenset([(g, src[0][1] + i)])
            continue
        if mn.startswith("fld") and ops:
            s.x87.insert(0, s.operand(ops[0], 8))
            continue
        if mn.startswith("fstp") and ops:
            v = s.x87.pop(0) if s.x87 else [frozenset(), frozenset()]
            if not mn.startswith("fstp"):
                pass
            w = s.store(ops[0], v, 8)
            if w and w[0] == ret_sym:
                ret_pieces.append((w[1], v[0]))
            continue
        if mn in ("unpcklpd", "movlhps", "punpcklqdq") and len(ops) == 2:
            src = s.operand(ops[0], 8)
            dst = s.reg.get(norm_reg(ops[1]), [frozenset(), frozenset()])
            s.reg[norm_reg(ops[1])] = [dst[0], src[0]]
            continue
        if mn.startswith("mov") or mn.startswith("cvt") and False:
            if len(ops) != 2:
                continue
            w = width_of(mn, ops)
            if mn == "movq" and ops[0].startswith("%xmm") and ops[1].startswith("%") and not ops[1].startswith("%xmm"):
                w = 8
            v = s.operand(ops[0], w)
            if mn.startswith("movabs"):
                v = [frozenset([("$imm", 0)]), frozenset()]
            if w <= 8:
                v = [v[0], frozenset()]
            tgt = s.store(ops[1], v, w)
            if tgt and tgt[0] == ret_sym:
                ret_pieces.append((tgt[1], v[0]))
                if w > 8:
                    ret_pieces.append((tgt[1] + 8, v[1]))
            continue
        if mn[:-1] in ("or", "and", "add") and len(ops) == 2:
            a = s.operand(ops[0], 8)
            b = s.reg.get(norm_reg(ops[1]), [frozenset(), frozenset()])
            s.reg[norm_reg(ops[1])] = [a[0] | b[0], frozenset()]
            s.consumed.discard(norm_reg(ops[1]))
            continue
        if mn[:3] in ("sal", "shl", "shr", "sar") and len(ops) == 2 and ops[0].startswith("$"):
            # Track which byte of the source each register byte 0 stands for.
            n = int(ops[0][1:], 0) // 8
            r = norm_reg(ops[1])
            d = -n if mn[:3] in ("sal", "shl") else n
            v = s.reg.get(r, [frozenset(), frozenset()])
            s.reg[r] = [frozenset((sym, off + d) for sym, off in v[0]), frozenset()]
            continue
        if mn.startswith("xor") and len(ops) == 2 and ops[0] == ops[1]:
            s.reg[norm_reg(ops[1])] = [frozenset([("$imm", 0)]), frozenset()]
            continue
        # Other instructions (shifts, and, ...) keep the register's origin.
    ret = []
    for off, pieces in ret_pieces:
        for sym, roff in pieces:
            if sym.startswith("$R:"):
                ret.append((sym[3:], off - roff))
    if not called:
        return None
    return args, sret, (al[0] if al else None), sorted(set(ret))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--target", choices=sorted(GCC_CMD), default="x86_64")
    ap.add_argument("--work", required=True)
    ap.add_argument("--vectors", action="store_true", help="also GCC vector_size types, alone and in records")
    args = ap.parse_args()
    triple = L.TRIPLE[args.target]
    os.makedirs(args.work, exist_ok=True)
    rnd = random.Random(args.seed)
    # Unnamed bit-fields carry no value, so gcc may leave their register
    # unloaded: the call test uses named ones only (layout_diff covers them).
    gen = L.Gen(args.seed * 7919 + 17, unnamed_bitfields=False, vectors=args.vectors)
    vecs = [("V%d:%s" % (b, d), "V%d_%s" % (b, d)) for d, _, size in L.VEC_ELEMS
            for b in (4, 8, 16, 32) if b >= size] if args.vectors else []
    while sum(1 for r in gen.records if not r.anon) < 150:
        gen.record()
    csrc, desc = L.emit(gen)
    dpath = os.path.join(args.work, "records.desc")
    open(dpath, "w").write(desc)
    out = subprocess.run([args.tool, triple, dpath], check=True, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    sizes = {}
    for line in out.splitlines():
        p = line.split()
        if p[1] == "size":
            sizes[int(p[0][1:])] = int(p[2])
    # Records whose bytes are all padding (no named member) are passed in
    # registers gcc never loads: leave them out.
    recs = [r for r in gen.records if not r.anon and not r.has_flex and sizes.get(r.id, 999) <= 64
            and (sizes[r.id] == 0 or any(True for _ in L.named_members(r)))]

    def pick():
        if recs and rnd.random() < 0.45:
            r = rnd.choice(recs)
            return ("T%d" % r.id, "T%d_t" % r.id)
        if vecs and rnd.random() < 0.4:
            return rnd.choice(vecs)
        return rnd.choice(SCALARS)

    c = [csrc]
    calls = []
    for i in range(args.count):
        nargs = rnd.randint(0, 10)
        ret = ("void", "void") if rnd.random() < 0.2 else pick()
        named = [pick() for _ in range(nargs)]
        variadic = rnd.random() < 0.25
        extra = []
        if variadic:
            for _ in range(rnd.randint(0, 6)):
                t = pick()
                if t[0] in PROMOTE:
                    t = (PROMOTE[t[0]], {"int": "int", "double": "double"}[PROMOTE[t[0]]])
                extra.append(t)
        params = ", ".join(t[1] for t in named) + (", ..." if variadic and named else "")
        if not named:
            params = "..." if variadic else "void"
        if variadic and not named:  # C needs a named parameter before ...
            named = [("int", "int")]
            params = "int, ..."
        allargs = named + extra
        c.append("extern %s f_%d(%s);\n" % (ret[1], i, params))
        for k, t in enumerate(allargs):
            c.append("%s g_%d_%d;\n" % (t[1], i, k))
        if ret[0] != "void":
            c.append("%s r_%d;\n" % (ret[1], i))
        call = "f_%d(%s)" % (i, ", ".join("g_%d_%d" % (i, k) for k in range(len(allargs))))
        c.append("void call_%d(void) { %s%s; }\n" % (i, "r_%d = " % i if ret[0] != "void" else "", call))
        calls.append("C %d %d %d %s %s\n" % (i, int(variadic), len(named), ret[0],
                                              " ".join(t[0] for t in allargs)))
        calls_meta = None  # noqa: F841
    cpath = os.path.join(args.work, "calls.c")
    spath = os.path.join(args.work, "calls.s")
    open(cpath, "w").write("".join(c))
    subprocess.run(GCC_CMD[args.target] + ["-std=gnu17", "-w", "-O1", "-fno-pic", "-fno-PIE",
                                           "-fno-asynchronous-unwind-tables", "-S", cpath, "-o", spath],
                   check=True)
    funcs = {}
    cur = None
    for line in open(spath):
        m = re.match(r"^call_(\d+):", line)
        if m:
            cur = int(m.group(1))
            funcs[cur] = []
        elif cur is not None:
            funcs[cur].append(line)
    open(dpath, "a").write("".join(calls))
    out = subprocess.run([args.tool, triple, dpath], check=True, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    mine = {}
    for line in out.splitlines():
        if line.startswith("C"):
            p = line.split()
            mine.setdefault(int(p[0][1:]), {})[p[1]] = p[2] if len(p) > 2 else ""
    bad = 0
    nchecks = 0
    diffs = []
    for i in range(args.count):
        meta = calls[i].split()
        variadic = meta[2] == "1"
        nall = len(meta) - 5
        if args.target == "x86_64":
            res = analyse(funcs[i], "g_%d_" % i, "r_%d" % i)
        elif args.target == "aarch64":
            res = R.analyse_aarch64(funcs[i], "f_%d" % i, "g_%d_" % i, "r_%d" % i)
        else:
            res = R.analyse_riscv(funcs[i], "f_%d" % i, "g_%d_" % i, "r_%d" % i)
        ok = True
        if res is None:
            diffs.append("call %d: no call found in gcc output" % i)
            bad += 1
            continue
        gargs, gsret, gal, gret = res
        m = mine.get(i, {})
        for k in range(nall):
            want = ",".join("%s@%d" % x for x in sorted(gargs.get(k, []), key=lambda x: (x[1], x[0])))
            got_parts = [] if m.get("arg%d" % k, "-") == "-" else m["arg%d" % k].split(",")
            got = ",".join(sorted(got_parts, key=lambda x: (int(x.split("@")[1]), x.split("@")[0])))
            nchecks += 1
            if want != got:
                ok = False
                diffs.append("call %d arg %d (%s): gcc %s, cfree %s" % (i, k, meta[5 + k], want or "-", got or "-"))
        nchecks += 1
        if m.get("ret") == "sret":
            if not gsret:
                ok = False
                diffs.append("call %d ret (%s): cfree sret, gcc not" % (i, meta[4]))
        else:
            want = ",".join("%s@%d" % x for x in sorted(gret, key=lambda x: (x[1], x[0])))
            got = "" if m.get("ret", "-") == "-" else m["ret"]
            got = ",".join(sorted(got.split(","), key=lambda x: (int(x.split("@")[1]), x))) if got else ""
            if gsret or want != got:
                ok = False
                diffs.append("call %d ret (%s): gcc %s, cfree %s" % (i, meta[4], "sret" if gsret else want or "-", got or "-"))
        if variadic and args.target == "x86_64":
            nchecks += 1
            if gal is None or int(m.get("fprs", -1)) != gal:
                ok = False
                diffs.append("call %d: gcc al=%s, cfree %s" % (i, gal, m.get("fprs")))
        if not ok:
            bad += 1
    print("calls %s: %d signatures, %d checks, %d mismatching signatures" % (args.target, args.count, nchecks, bad))
    for d in diffs[:40]:
        print("  " + d)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
