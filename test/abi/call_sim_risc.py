"""call_sim_risc.py: symbolic reading of gcc -O1 callers for aarch64 and
riscv64 (see call_diff.py).  For one caller it returns, at the call to the
callee, which global bytes each argument register and outgoing stack slot
holds (and which registers point to caller-made copies), and afterwards
which result register is stored to which byte of the result global.

A value is [lo, hi] (8-byte chunks; hi for q registers), each a frozenset of
pieces: (symbol, byte offset) for data loaded from a global, ("$addr:g", o)
for the address of global g plus o, ("$stackaddr", o) for sp + o,
("$imm", v), ("$R:reg", o) for result registers after the call.
"""
import re

E = frozenset()


def norm_aarch64(r):
    r = r.strip().lower()
    m = re.match(r"^([xw])(\d+)$", r)
    if m:
        return "x" + m.group(2)
    m = re.match(r"^([vqdshb])(\d+)(\.\w+)?$", r)
    if m:
        return "v" + m.group(2)
    if r in ("sp", "wsp"):
        return "sp"
    if r in ("xzr", "wzr"):
        return "zr"
    return r


def norm_riscv(r):
    r = r.strip()
    return {"fp": "s0"}.get(r, r)


def width_aarch64(reg):
    reg = reg.strip().lower()
    return {"x": 8, "w": 4, "q": 16, "d": 8, "s": 4, "h": 2, "b": 1}.get(reg[0], 8)


class State:
    def __init__(self):
        self.reg = {}
        self.mem = {}     # sp-relative byte offset -> piece set (chunks as stored)
        self.consumed = set()

    def get(self, r, consume=True):
        if consume:
            self.consumed.add(r)
        return self.reg.get(r, [E, E])

    def put(self, r, v):
        self.reg[r] = v
        self.consumed.discard(r)


def shift_pieces(v, d):
    return frozenset((s, o + d) for s, o in v)


def address(st, base, disp, sym=None, symoff=0):
    """Resolve base register + displacement (+ %lo/:lo12: symbol) to
    ('stack', off) or ('glob', sym, off) or None."""
    if sym:
        return ("glob", sym, symoff + disp)
    if base == "sp":
        return ("stack", disp)
    v = st.reg.get(base, [E, E])[0]
    for s, o in v:
        if s.startswith("$addr:"):
            return ("glob", s[6:], o + disp)
        if s == "$stackaddr":
            return ("stack", o + disp)
    return None


def load(st, addr, width):
    if addr is None:
        return [E, E]
    if addr[0] == "glob":
        lo = frozenset([(addr[1], addr[2])])
        hi = frozenset([(addr[1], addr[2] + 8)]) if width > 8 else E
        return [lo, hi]
    a = addr[1]
    return [st.mem.get(a, E), st.mem.get(a + 8, E) if width > 8 else E]


def store(st, addr, v, width, ret_sym, ret_pieces):
    if addr is None:
        return
    if addr[0] == "stack":
        st.mem[addr[1]] = v[0]
        if width > 8:
            st.mem[addr[1] + 8] = v[1]
    elif addr[0] == "glob" and addr[1] == ret_sym:
        ret_pieces.append((addr[2], v[0]))
        if width > 8:
            ret_pieces.append((addr[2] + 8, v[1]))


def memcpy(st):
    """memcpy(x0/a0 = stack copy, x1/a1 = global, x2/a2 = size) on the model."""


def parse_mem_aarch64(op):
    """[xN], [xN, #imm], [xN, imm], [xN, #:lo12:sym+off] -> (base, disp, sym, symoff, writeback)"""
    m = re.match(r"^\[\s*(\w+)\s*(?:,\s*#?(:lo12:)?([\w.$]+)?([+-]\d+)?\s*)?\]\s*(!)?$", op.strip())
    if not m:
        return None
    base = norm_aarch64(m.group(1))
    sym, symoff, disp = None, 0, 0
    if m.group(2):
        sym = m.group(3)
        symoff = int(m.group(4) or 0)
    elif m.group(3) is not None:
        disp = int(m.group(3), 0) if re.match(r"^-?\d+$", m.group(3)) else 0
    elif m.group(4) is not None:
        disp = int(m.group(4))
    return base, disp, sym, symoff, bool(m.group(5))


def split_ops(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def analyse_aarch64(lines, callee, sym_prefix, ret_sym):
    st = State()
    sp = 0  # current sp relative to the entry sp (mem keys are entry-relative)
    ret_pieces = []
    at_call = None
    for ln in lines:
        ln = ln.split("//")[0].strip()
        if not ln or ln.endswith(":") or ln.startswith("."):
            continue
        parts = ln.split(None, 1)
        mn = parts[0]
        ops = split_ops(parts[1]) if len(parts) > 1 else []

        def mem_addr(op):
            p = parse_mem_aarch64(op)
            if p is None:
                # post-index: "[sp], 96" is split by split_ops already
                return None, None
            base, disp, sym, symoff, wb = p
            if base == "sp":
                return ("stack", sp + disp), p
            a = address(st, base, disp, sym, symoff)
            return a, p

        if mn == "bl":
            target = ops[0]
            if target == callee:
                at_call = snapshot(st, sp, sym_prefix, ret_sym,
                                   ["x%d" % i for i in range(8)] + ["v%d" % i for i in range(8)], "x8")
                st.reg = {"x0": [frozenset([("$R:x0", 0)]), E], "x1": [frozenset([("$R:x1", 0)]), E]}
                for i in range(4):
                    st.reg["v%d" % i] = [frozenset([("$R:v%d" % i, 0)]), frozenset([("$R:v%d" % i, 8)])]
            elif target == "memcpy":
                do_memcpy(st, "x0", "x1", "x2")
            continue
        if mn in ("adrp", "adr"):
            st.put(norm_aarch64(ops[0]), [frozenset([("$addr:" + ops[1], 0)]), E])
            continue
        if mn == "add" and len(ops) == 3:
            d, s1, s2 = norm_aarch64(ops[0]), norm_aarch64(ops[1]), ops[2].strip()
            m = re.match(r"^:lo12:([\w.$]+)([+-]\d+)?$", s2)
            if m:
                st.put(d, [frozenset([("$addr:" + m.group(1), int(m.group(2) or 0))]), E])
                continue
            m = re.match(r"^#?(-?\d+)$", s2)
            if m:
                imm = int(m.group(1))
                if s1 == "sp":
                    st.put(d, [frozenset([("$stackaddr", sp + imm)]), E])
                else:
                    v = st.get(s1)[0]
                    st.put(d, [frozenset((s, o + imm) if s.startswith("$") else (s, o) for s, o in v), E])
                continue
        if mn == "sub" and len(ops) == 3 and norm_aarch64(ops[0]) == "sp" and norm_aarch64(ops[1]) == "sp":
            sp -= int(ops[2].lstrip("#"))
            continue
        if mn in ("mov", "fmov", "sxtw", "uxtw", "sxtb", "uxtb", "sxth", "uxth", "and") and len(ops) >= 2:
            d = norm_aarch64(ops[0])
            if d == "sp":
                continue
            s = ops[1].strip()
            if s.startswith("#") or re.match(r"^-?\d+$", s):
                st.put(d, [frozenset([("$imm", 0)]), E])
            elif norm_aarch64(s) == "sp":
                st.put(d, [frozenset([("$stackaddr", sp)]), E])
            else:
                st.put(d, st.get(norm_aarch64(s)))
            continue
        if mn in ("orr", "bfi", "bfxil") and len(ops) >= 2:
            d = norm_aarch64(ops[0])
            if mn == "orr" and len(ops) >= 3:
                a = st.get(norm_aarch64(ops[1]))[0]
                b = st.get(norm_aarch64(ops[2]))[0]
                sh = 0
                if len(ops) == 4:
                    m = re.match(r"lsl\s*#?(\d+)", ops[3])
                    sh = int(m.group(1)) // 8 if m else 0
                st.put(d, [a | shift_pieces(b, -sh), E])
            else:
                lsb = int(ops[2].lstrip("#")) // 8 if len(ops) > 2 else 0
                a = st.reg.get(d, [E, E])[0]
                b = st.get(norm_aarch64(ops[1]))[0]
                st.put(d, [a | shift_pieces(b, -lsb), E])
            continue
        if mn in ("lsl", "lsr", "asr", "ubfiz", "ubfx", "sbfx") and len(ops) >= 3:
            d = norm_aarch64(ops[0])
            n = int(ops[2].lstrip("#")) // 8
            dlt = -n if mn in ("lsl", "ubfiz") else n
            st.put(d, [shift_pieces(st.get(norm_aarch64(ops[1]))[0], dlt), E])
            continue
        if mn in ("ld1", "st1") and len(parts) > 1:
            # ld1/st1 {vA.16b - vB.16b}, [xN]: consecutive q registers (copies
            # of vectors over 16 bytes)
            m = re.match(r"^\{\s*v(\d+)\.\w+\s*(?:[-,]\s*v(\d+)\.\w+\s*)*\}\s*,\s*(\[[^\]]*\])$", parts[1].strip())
            if m:
                first = int(m.group(1))
                last = int(m.group(2)) if m.group(2) else first
                a, p = mem_addr(m.group(3))
                for i, r in enumerate(range(first, last + 1)):
                    aa = a if a is None or not i else a[:-1] + (a[-1] + 16 * i,)
                    if mn == "ld1":
                        st.put("v%d" % r, load(st, aa, 16))
                    else:
                        store(st, aa, st.get("v%d" % r), 16, ret_sym, ret_pieces)
                continue
        m = re.match(r"^(ldr|ldur|ldrb|ldrh|ldrsb|ldrsh|ldrsw|ldp|ldnp)$", mn)
        if m and len(ops) >= 2:
            pair = mn in ("ldp", "ldnp")
            regs = ops[:2] if pair else ops[:1]
            memop = ops[2] if pair else ops[1]
            a, p = mem_addr(memop)
            w = width_aarch64(regs[0])
            if mn in ("ldrb", "ldrsb"):
                w = 1
            elif mn in ("ldrh", "ldrsh"):
                w = 2
            elif mn == "ldrsw":
                w = 4
            for i, r in enumerate(regs):
                aa = a
                if a is not None and i:
                    aa = a[:-1] + (a[-1] + w,)
                st.put(norm_aarch64(r), load(st, aa, w))
            continue
        m = re.match(r"^(str|stur|strb|strh|stp|stnp)$", mn)
        if m and len(ops) >= 2:
            pair = mn in ("stp", "stnp")
            regs = ops[:2] if pair else ops[:1]
            memop = ops[2] if pair else ops[1]
            p = parse_mem_aarch64(memop)
            w = width_aarch64(regs[0])
            if mn == "strb":
                w = 1
            elif mn == "strh":
                w = 2
            if p is not None and p[0] == "sp" and p[4]:  # pre-index writeback
                sp += p[1]
                a = ("stack", sp)
            else:
                a, p = mem_addr(memop)
            for i, r in enumerate(regs):
                aa = a
                if a is not None and i:
                    aa = a[:-1] + (a[-1] + w,)
                nr = norm_aarch64(r)
                v = [E, E] if nr == "zr" else st.get(nr)
                store(st, aa, v, w, ret_sym, ret_pieces)
            continue
    return finish(at_call, ret_pieces)


def do_memcpy(st, rd, rs, rn):
    dst = [o for s, o in st.reg.get(rd, [E, E])[0] if s == "$stackaddr"]
    src = [(s[6:], o) for s, o in st.reg.get(rs, [E, E])[0] if s.startswith("$addr:")]
    n = [v for s, v in st.reg.get(rn, [E, E])[0] if s == "$imm"]
    if dst and src:
        size = n[0] if n and n[0] else 64
        for i in range(0, size, 8):
            st.mem[dst[0] + i] = frozenset([(src[0][0], src[0][1] + i)])


def snapshot(st, sp, sym_prefix, ret_sym, arg_regs, sret_reg):
    """Where each argument is at the call: {k: [(loc, off)]}, and sret."""
    args = {}
    indirect = {}
    for r in arg_regs + ([] if sret_reg in arg_regs else [sret_reg]):
        if r in st.consumed and r != sret_reg:
            continue
        v = st.reg.get(r, [E, E])[0]
        offs = {}
        for s, o in v:
            if s.startswith(sym_prefix):
                offs.setdefault(int(s[len(sym_prefix):]), []).append(o)
            if s == "$stackaddr":
                indirect[r] = o
        if r not in arg_regs:
            continue  # the sret register only says where the result goes
        for k, o in offs.items():
            args.setdefault(k, []).append((r, min(o)))
    stack = {}
    for a, pieces in st.mem.items():
        if a < sp:
            continue
        for s, o in pieces:
            if s.startswith(sym_prefix):
                stack.setdefault(int(s[len(sym_prefix):]), []).append((a - sp, o))
            if s == "$stackaddr":
                indirect["stack%d" % (a - sp)] = o
    # Stack slots of args passed by reference hold copies: attribute them
    # to the pointer instead.
    copies = {}
    for loc, addr in indirect.items():
        for k, chunks in stack.items():
            if any(a + sp == addr and o == 0 for a, o in chunks):
                copies[loc] = k
    sret = sret_reg in indirect and sret_reg not in copies
    for loc, k in copies.items():
        args.setdefault(k, []).append(("&" + loc, 0))
        copy_at = indirect[loc]
        stack[k] = [(a, o) for a, o in stack[k] if a + sp < copy_at or a + sp >= copy_at + 64]
    for k, chunks in stack.items():
        if chunks:
            a, o = min(chunks)
            args.setdefault(k, []).append(("stack%d" % a, o))
    if sret_reg in st.reg:
        v = st.reg.get(sret_reg)[0]
        if any(s == "$addr:" + ret_sym for s, _ in v):
            sret = True
    return args, sret


def finish(at_call, ret_pieces):
    if at_call is None:
        return None
    args, sret = at_call
    ret = []
    for off, pieces in ret_pieces:
        for s, o in pieces:
            # Masked result pieces ("~") still show where a register's bytes
            # go (misaligned members are stored by shifts and masks).
            if s.startswith("$R:") or s.startswith("~$R:"):
                ret.append((s.split(":", 1)[1], off - o))
    return args, sret, None, sorted(set(ret))


def analyse_riscv(lines, callee, sym_prefix, ret_sym):
    st = State()
    sp = 0
    ret_pieces = []
    at_call = None
    for ln in lines:
        ln = ln.split("#")[0].strip()
        if not ln or ln.endswith(":") or ln.startswith("."):
            continue
        parts = ln.split(None, 1)
        mn = parts[0]
        ops = [o.strip() for o in parts[1].split(",")] if len(parts) > 1 else []

        def mem_addr(op):
            m = re.match(r"^(?:%lo\(([\w.$]+)([+-]\d+)?\)|(-?\d+))?\((\w+)\)$", op)
            if not m:
                return None
            base = norm_riscv(m.group(4))
            if m.group(1):
                return ("glob", m.group(1), int(m.group(2) or 0))
            disp = int(m.group(3) or 0)
            if base == "sp":
                return ("stack", sp + disp)
            return address(st, base, disp)

        if mn in ("call", "tail", "jal") and ops:
            target = ops[-1].split("@")[0]
            if target == callee:
                at_call = snapshot(st, sp, sym_prefix, ret_sym,
                                   ["a%d" % i for i in range(8)] + ["fa%d" % i for i in range(8)], "a0")
                st.reg = {}
                for r in ("a0", "a1", "fa0", "fa1"):
                    st.reg[r] = [frozenset([("$R:" + r, 0)]), E]
            elif target == "memcpy":
                do_memcpy(st, "a0", "a1", "a2")
            continue
        if mn == "lui" and len(ops) == 2:
            m = re.match(r"^%hi\(([\w.$]+)([+-]\d+)?\)$", ops[1])
            st.put(norm_riscv(ops[0]), [frozenset([("$addr:" + m.group(1), 0)]) if m else frozenset([("$imm", 0)]), E])
            continue
        if mn in ("lla", "la") and len(ops) == 2:
            st.put(norm_riscv(ops[0]), [frozenset([("$addr:" + ops[1], 0)]), E])
            continue
        if mn == "addi" and len(ops) == 3:
            d, s = norm_riscv(ops[0]), norm_riscv(ops[1])
            m = re.match(r"^%lo\(([\w.$]+)([+-]\d+)?\)$", ops[2])
            if m:
                st.put(d, [frozenset([("$addr:" + m.group(1), int(m.group(2) or 0))]), E])
                continue
            imm = int(ops[2], 0) if re.match(r"^-?\d+$", ops[2]) else 0
            if d == "sp" and s == "sp":
                sp += imm
                continue
            if s == "sp":
                st.put(d, [frozenset([("$stackaddr", sp + imm)]), E])
            else:
                v = st.get(s)[0]
                st.put(d, [frozenset((x, o + imm) if x.startswith("$addr") or x == "$stackaddr" else (x, o)
                                     for x, o in v), E])
            continue
        if mn == "li" and len(ops) == 2:
            st.put(norm_riscv(ops[0]), [frozenset([("$imm", int(ops[1], 0))]), E])
            continue
        if mn in ("mv", "fmv.d", "fmv.s", "fmv.x.d", "fmv.d.x", "fmv.x.w", "fmv.w.x", "sext.w", "zext.w",
                  "andi", "zext.b", "sext.b", "sext.h", "zext.h") and len(ops) >= 2:
            if norm_riscv(ops[1]) == "sp":
                st.put(norm_riscv(ops[0]), [frozenset([("$stackaddr", sp)]), E])
            else:
                st.put(norm_riscv(ops[0]), st.get(norm_riscv(ops[1])))
            continue
        if mn == "and" and len(ops) == 3:
            # Masking with a constant keeps only part of the other operand:
            # mark its pieces as partial (ignored by the snapshot).
            a = st.get(norm_riscv(ops[1]))[0]
            b = st.get(norm_riscv(ops[2]))[0]
            if any(x == "$imm" for x, _ in b):
                a, b = b, a
            if any(x == "$imm" for x, _ in a):
                st.put(norm_riscv(ops[0]), [frozenset(("~" + x, o) for x, o in b), E])
            else:
                st.put(norm_riscv(ops[0]), [a | b, E])
            continue
        if mn in ("or", "add", "xor") and len(ops) == 3:
            a = st.get(norm_riscv(ops[1]))[0]
            b = st.get(norm_riscv(ops[2]))[0]
            st.put(norm_riscv(ops[0]), [a | b, E])
            continue
        if mn in ("slli", "srli", "srai", "slliw", "srliw", "sraiw") and len(ops) == 3:
            n = int(ops[2], 0) // 8
            # A shift reads its source without using it up (gcc extracts bytes
            # of a register that is itself passed).
            src = st.get(norm_riscv(ops[1]), consume=False)[0]
            st.put(norm_riscv(ops[0]), [shift_pieces(src, -n if mn.startswith("sll") else n), E])
            continue
        m = re.match(r"^(ld|lw|lwu|lh|lhu|lb|lbu|fld|flw)$", mn)
        if m and len(ops) == 2:
            w = {"ld": 8, "lw": 4, "lwu": 4, "lh": 2, "lhu": 2, "lb": 1, "lbu": 1, "fld": 8, "flw": 4}[mn]
            st.put(norm_riscv(ops[0]), load(st, mem_addr(ops[1]), w))
            continue
        m = re.match(r"^(sd|sw|sh|sb|fsd|fsw)$", mn)
        if m and len(ops) == 2:
            w = {"sd": 8, "sw": 4, "sh": 2, "sb": 1, "fsd": 8, "fsw": 4}[mn]
            r = norm_riscv(ops[0])
            v = [E, E] if r == "zero" else st.get(r)
            store(st, mem_addr(ops[1]), v, w, ret_sym, ret_pieces)
            continue
    return finish(at_call, ret_pieces)
