#!/usr/bin/env python3
"""layout_diff.py: differential test of cfree's record layout against gcc.

Generates random struct/union types (bit-fields of every width including
zero-width and unnamed ones, packed and aligned(N) on records and members,
#pragma pack, nested and anonymous records, multi-dimensional and
zero-length arrays, flexible arrays, unions of all of those, __int128, long
double, _Bool), then
  - writes them as C with, per type, an array of sizeof/_Alignof/offsetof
    values and, per named bit-field, a zeroed object whose bit-field is set
    to all ones; compiles that with gcc for the target (-c only, nothing is
    run) and reads the values and bytes back from the object's symbols;
  - writes the same types as a description for cfree-abi-layout, which lays
    them out through libcfree's public API and prints the same facts;
and compares the two.  Prints one summary line per run:
  layout <target>: <n> types, <m> facts, <k> mismatching types
and the first differences.  Exit status 1 if anything differs.
"""
import argparse
import os
import random
import struct
import subprocess
import sys

GCC = {"x86_64": "gcc", "aarch64": "aarch64-linux-gnu-gcc", "riscv64": "riscv64-linux-gnu-gcc"}
TRIPLE = {"x86_64": "x86_64-linux-gnu", "aarch64": "aarch64-linux-gnu", "riscv64": "riscv64-linux-gnu"}

# name in the description, C spelling, bits
INTS = [("char", "char", 8), ("schar", "signed char", 8), ("uchar", "unsigned char", 8),
        ("short", "short", 16), ("ushort", "unsigned short", 16), ("int", "int", 32),
        ("uint", "unsigned int", 32), ("long", "long", 64), ("ulong", "unsigned long", 64),
        ("llong", "long long", 64), ("ullong", "unsigned long long", 64),
        ("int128", "__int128", 128), ("uint128", "unsigned __int128", 128), ("bool", "_Bool", 1)]
FLOATS = [("float", "float"), ("double", "double"), ("ldouble", "long double")]
# GCC vector element types (vector_size(N), N a power-of-2 multiple of the element size)
VEC_ELEMS = [("char", "char", 1), ("uchar", "unsigned char", 1), ("short", "short", 2), ("int", "int", 4),
             ("uint", "unsigned int", 4), ("long", "long", 8), ("llong", "long long", 8),
             ("float", "float", 4), ("double", "double", 8)]


class Field:
    def __init__(self, name, ty, width=None, align=0, packed=False, anon=None):
        self.name = name      # None for unnamed bit-fields / anonymous members
        self.ty = ty          # ('scalar', desc, c) | ('rec', Record) | ('array', n, ty) | ('flex', ty)
                              # | ('vec', bytes, desc, c)
        self.width = width    # bit-field width or None
        self.align = align
        self.packed = packed
        self.anon = anon      # Record for anonymous members


class Record:
    def __init__(self, rid, is_union, packed, align, pack, anon):
        self.id = rid
        self.is_union = is_union
        self.packed = packed
        self.align = align
        self.pack = pack
        self.anon = anon
        self.fields = []
        self.has_flex = False


def type_desc(ty):
    k = ty[0]
    if k == "scalar":
        return ty[1]
    if k == "rec":
        return "T%d" % ty[1].id
    if k == "array":
        return "A%d:%s" % (ty[1], type_desc(ty[2]))
    if k == "flex":
        return "X:%s" % type_desc(ty[1])
    if k == "vec":
        return "V%d:%s" % (ty[1], ty[2])
    raise ValueError(ty)


def c_decl(ty, name):
    """C declarator of `name` with type `ty`."""
    k = ty[0]
    if k == "scalar":
        return "%s %s" % (ty[2], name)
    if k == "rec":
        return "T%d_t %s" % (ty[1].id, name)
    if k == "vec":
        return "V%d_%s %s" % (ty[1], ty[2], name)
    dims = ""
    while ty[0] in ("array", "flex"):
        dims += "[%d]" % ty[1] if ty[0] == "array" else "[]"
        ty = ty[2] if ty[0] == "array" else ty[1]
    return c_decl(ty, name + dims)


class Gen:
    def __init__(self, seed, unnamed_bitfields=True, vectors=False):
        self.unnamed_bitfields = unnamed_bitfields
        self.vectors = vectors  # GCC vector types as members (layout only)
        self.r = random.Random(seed)
        self.records = []     # all records in definition order (anon ones too)
        self.pool = []        # named records usable as members
        self.next_id = 0

    def scalar(self):
        r = self.r
        if self.vectors and r.random() < 0.1:
            d, c, size = r.choice(VEC_ELEMS)
            return ("vec", r.choice([b for b in (4, 8, 16, 32, 64) if b >= size]), d, c)
        if r.random() < 0.25:
            d, c = r.choice(FLOATS)
        else:
            d, c, _ = r.choice(INTS)
        return ("scalar", d, c)

    def member_type(self, depth):
        r = self.r
        x = r.random()
        if x < 0.45 or (x < 0.65 and not self.pool):
            ty = self.scalar()
        elif x < 0.65:
            ty = ("rec", r.choice(self.pool))
        else:
            inner = self.scalar() if (r.random() < 0.6 or not self.pool) else ("rec", r.choice(self.pool))
            dims = [r.choice([0, 1, 2, 3, 5]) for _ in range(r.choice([1, 1, 1, 2]))]
            ty = inner
            for n in reversed(dims):
                ty = ("array", n, ty)
        return ty

    def record(self, depth=0, pack=0, anon=False):
        r = self.r
        rid = self.next_id
        self.next_id += 1
        is_union = r.random() < 0.2
        packed = r.random() < 0.15
        align = r.choice([1, 2, 4, 8, 16, 32]) if r.random() < 0.12 else 0
        if not anon and r.random() < 0.12:
            pack = r.choice([1, 2, 4, 8, 16])
        rec = Record(rid, is_union, packed, align, pack, anon)
        n = r.choice([0, 1, 2, 3, 4, 5, 6, 8, 10]) if r.random() < 0.97 else 0
        names = 0
        for i in range(n):
            x = r.random()
            if x < 0.4:
                d, c, bits = r.choice(INTS)
                w = r.randint(0, bits)
                named = w > 0 and (r.random() < 0.8 or not self.unnamed_bitfields)
                f = Field("m%d_%d" % (rid, i) if named else None, ("scalar", d, c), width=w,
                          packed=r.random() < 0.1)
            elif x < 0.47 and depth < 2:
                sub = self.record(depth + 1, pack, anon=True)
                f = Field(None, ("rec", sub), anon=sub)
            else:
                f = Field("m%d_%d" % (rid, i), self.member_type(depth),
                          align=r.choice([1, 2, 4, 8, 16, 32]) if r.random() < 0.08 else 0,
                          packed=r.random() < 0.08)
            rec.fields.append(f)
            if f.name:
                names += 1
        if not is_union and not anon and names and r.random() < 0.1:
            elem = self.scalar() if (r.random() < 0.7 or not self.pool) else ("rec", r.choice(self.pool))
            rec.fields.append(Field("m%d_flex" % rid, ("flex", elem)))
            rec.has_flex = True
        self.records.append(rec)
        # Keep the object files small: only records of modest size (an upper
        # bound of their size) become members of later ones.
        if not anon and not rec.has_flex and self.estimate(("rec", rec)) <= 512:
            self.pool.append(rec)
        return rec

    def estimate(self, ty):
        k = ty[0]
        if k == "scalar":
            return 16
        if k == "vec":
            return ty[1]
        if k == "array":
            return ty[1] * self.estimate(ty[2])
        if k == "flex":
            return 0
        return sum(self.estimate(f.ty) + 32 for f in ty[1].fields) + 32


def rec_attrs(rec):
    a = []
    if rec.packed:
        a.append("packed")
    if rec.align:
        a.append("aligned(%d)" % rec.align)
    return " __attribute__((%s))" % ", ".join(a) if a else ""


def c_body(rec, indent):
    out = []
    for f in rec.fields:
        attrs = []
        if f.packed:
            attrs.append("packed")
        if f.align:
            attrs.append("aligned(%d)" % f.align)
        at = " __attribute__((%s))" % ", ".join(attrs) if attrs else ""
        if f.anon is not None:
            out.append("%s%s%s {\n%s%s};" % (indent, "union" if f.anon.is_union else "struct",
                                             rec_attrs(f.anon), c_body(f.anon, indent + "  "), indent))
        elif f.width is not None:
            out.append("%s%s%s : %d%s;" % (indent, f.ty[2], " " + f.name if f.name else "", f.width, at))
        else:
            out.append("%s%s%s;" % (indent, c_decl(f.ty, f.name), at))
    return "".join(line + "\n" for line in out)


def named_members(rec):
    """(name, is_bitfield, field) in declaration order, through anonymous members."""
    for f in rec.fields:
        if f.anon is not None:
            yield from named_members(f.anon)
        elif f.name:
            yield f.name, f.width is not None, f


def emit(gen):
    c = ["#include <stddef.h>\n"]
    if gen.vectors:
        for d, ct, size in VEC_ELEMS:
            for b in (4, 8, 16, 32, 64):
                if b >= size:
                    c.append("typedef %s V%d_%s __attribute__((vector_size(%d)));\n" % (ct, b, d, b))
    desc = []
    for rec in gen.records:
        desc.append("R %d %s %d %d %d %d\n" % (rec.id, "union" if rec.is_union else "struct",
                                                int(rec.packed), rec.align, rec.pack, int(rec.anon)))
        for f in rec.fields:
            flags = (1 if f.width is not None else 0) | (2 if f.anon is not None else 0) | \
                    (4 if f.packed else 0)
            desc.append("F %s %s %s %d %d\n" % (f.name or "-", type_desc(f.ty),
                                                 "-" if f.width is None else f.width, f.align, flags))
        desc.append("E\n")
        if rec.anon:
            continue
        kw = "union" if rec.is_union else "struct"
        if rec.pack:
            c.append("#pragma pack(push, %d)\n" % rec.pack)
        c.append("%s%s T%d {\n%s};\n" % (kw, rec_attrs(rec), rec.id, c_body(rec, "  ")))
        if rec.pack:
            c.append("#pragma pack(pop)\n")
        c.append("typedef %s T%d T%d_t;\n" % (kw, rec.id, rec.id))
        vals = ["sizeof(T%d_t)" % rec.id, "__alignof__(T%d_t)" % rec.id]
        for name, is_bf, f in named_members(rec):
            if not is_bf:
                vals.append("offsetof(T%d_t, %s)" % (rec.id, name))
        c.append("unsigned long info_T%d[] = { %s };\n" % (rec.id, ", ".join(vals)))
        for name, is_bf, f in named_members(rec):
            if is_bf and f.width:
                v = "1" if f.ty[1] == "bool" else "-1"
                c.append("union { T%d_t s; unsigned char b[sizeof(T%d_t)]; } bf_T%d_%s = "
                         "{ .s = { .%s = %s } };\n" % (rec.id, rec.id, rec.id, name, name, v))
    return "".join(c), "".join(desc)


def read_elf_symbols(path):
    data = open(path, "rb").read()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, "need ELF64 little-endian"
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    secs = []
    for i in range(shnum):
        secs.append(struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize))
    syms = {}
    for s in secs:
        if s[1] != 2:  # SHT_SYMTAB
            continue
        strtab = secs[s[6]]
        for off in range(s[4], s[4] + s[5], 24):
            name, info, other, shndx, value, size = struct.unpack_from("<IBBHQQ", data, off)
            if shndx == 0 or shndx >= 0xff00:
                continue
            nstart = strtab[4] + name
            nm = data[nstart:data.index(b"\0", nstart)].decode()
            sec = secs[shndx]
            if sec[1] == 8:  # SHT_NOBITS
                syms[nm] = bytes(size)
            else:
                syms[nm] = data[sec[4] + value:sec[4] + value + size]
    return syms


def gcc_facts(gen, syms):
    facts = {}
    for rec in gen.records:
        if rec.anon:
            continue
        info = syms["info_T%d" % rec.id]
        vals = struct.unpack("<%dQ" % (len(info) // 8), info)
        facts["T%d size" % rec.id] = str(vals[0])
        facts["T%d align" % rec.id] = str(vals[1])
        i = 2
        for name, is_bf, f in named_members(rec):
            if not is_bf:
                facts["T%d off %s" % (rec.id, name)] = str(vals[i])
                i += 1
            elif f.width:
                b = syms["bf_T%d_%s" % (rec.id, name)]
                bits = [k for k in range(len(b) * 8) if b[k // 8] >> (k % 8) & 1]
                facts["T%d bf %s" % (rec.id, name)] = "%d %d" % (bits[0], len(bits)) if bits else "none"
    return facts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True, help="path of cfree-abi-layout")
    ap.add_argument("--target", choices=sorted(GCC), default="x86_64")
    ap.add_argument("--count", type=int, default=300, help="top-level types to generate")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", required=True, help="scratch directory")
    ap.add_argument("--vectors", action="store_true", help="also GCC vector_size members")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    gen = Gen(args.seed * 1000003 + sorted(GCC).index(args.target), vectors=args.vectors)
    while sum(1 for r in gen.records if not r.anon) < args.count:
        gen.record()
    csrc, desc = emit(gen)
    cpath = os.path.join(args.work, "layout.c")
    opath = os.path.join(args.work, "layout.o")
    dpath = os.path.join(args.work, "layout.desc")
    open(cpath, "w").write(csrc)
    open(dpath, "w").write(desc)
    subprocess.run([GCC[args.target], "-std=gnu17", "-w", "-O0", "-c", cpath, "-o", opath], check=True)
    want = gcc_facts(gen, read_elf_symbols(opath))
    out = subprocess.run([args.tool, TRIPLE[args.target], dpath], check=True,
                         stdout=subprocess.PIPE, universal_newlines=True).stdout
    got = {}
    extra = []
    for line in out.splitlines():
        parts = line.split()
        if parts[1] in ("size", "align"):
            got[" ".join(parts[:2])] = parts[2]
        elif parts[1] in ("off", "bf"):
            got[" ".join(parts[:3])] = " ".join(parts[3:])
        else:
            extra.append(line)
    bad_types = set()
    diffs = []
    for key, val in want.items():
        if got.get(key) != val:
            bad_types.add(key.split()[0])
            diffs.append("%s: gcc %s, cfree %s" % (key, val, got.get(key, "missing")))
    for line in extra:
        bad_types.add(line.split()[0])
        diffs.append(line)
    ntypes = sum(1 for r in gen.records if not r.anon)
    print("layout %s: %d types, %d facts, %d mismatching types" % (args.target, ntypes, len(want),
                                                                   len(bad_types)))
    for d in diffs[:30]:
        print("  " + d)
    return 1 if bad_types else 0


if __name__ == "__main__":
    sys.exit(main())
