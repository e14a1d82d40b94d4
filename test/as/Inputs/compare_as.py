#!/usr/bin/env python3
"""Differential test of `cfree as` against GNU as.

For each assembly source, assemble it with GNU as and with cfree, then
compare the two ELF objects with a small ELF64 reader of our own:
  - every section (by name and group): type, flags, entity size,
    alignment and contents byte for byte (NOBITS: size);
  - symbols as sets of (name, binding, type, visibility, section, value,
    size), section symbols excluded (relocations name sections instead);
  - relocations per section as sorted (offset, type, target, addend), where
    target is a symbol name or "[section]" for a section symbol.
Usage:
  compare_as.py CFREE [--cc-flags "-O2 -g"] [--keep DIR] [-v] FILE...
FILEs ending in .c are first compiled with `gcc -S` and the given flags.
Prints one line per differing file and a summary line
  "N/M files match"
and exits 0 when all match.
"""
import os
import struct
import subprocess
import sys
import tempfile


def read_elf(path):
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise ValueError("not ELF64")
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    secs = []
    for i in range(shnum):
        name, typ, flags, addr, off, size, link, info, align, entsize = struct.unpack_from(
            "<IIQQQQIIQQ", data, shoff + i * shentsize)
        secs.append(dict(name_off=name, type=typ, flags=flags, off=off, size=size, link=link,
                         info=info, align=align, entsize=entsize, idx=i))
    shstr = secs[shstrndx]

    def cstr(off):
        end = data.index(b"\0", off)
        return data[off:end].decode("latin1")

    for s in secs:
        s["name"] = cstr(shstr["off"] + s["name_off"])
        s["data"] = b"" if s["type"] == 8 else data[s["off"]:s["off"] + s["size"]]
    # Groups: member index -> group signature.
    group_of = {}
    symtab = next((s for s in secs if s["type"] == 2), None)
    syms = []
    if symtab:
        strtab = secs[symtab["link"]]
        for k in range(symtab["size"] // 24):
            nm, info, other, shndx, value, size = struct.unpack_from("<IBBHQQ", data, symtab["off"] + 24 * k)
            syms.append(dict(name=cstr(strtab["off"] + nm), bind=info >> 4, type=info & 15,
                             vis=other & 3, shndx=shndx, value=value, size=size))
    for s in secs:
        if s["type"] == 17:  # SHT_GROUP
            words = struct.unpack_from("<%dI" % (s["size"] // 4), data, s["off"])
            sig = syms[s["info"]]["name"] if s["info"] < len(syms) else "?"
            for m in words[1:]:
                group_of[m] = (sig, words[0])
    for s in secs:
        s["group"] = group_of.get(s["idx"])

    def secname(ix):
        if ix == 0:
            return "UND"
        if ix == 0xFFF1:
            return "ABS"
        if ix == 0xFFF2:
            return "COM"
        if ix < len(secs):
            s = secs[ix]
            return s["name"] + ("[%s]" % s["group"][0] if s["group"] else "")
        return "?%d" % ix

    symset = set()
    for k, y in enumerate(syms):
        if k == 0 or y["type"] == 3:
            continue
        symset.add((y["name"], y["bind"], y["type"], y["vis"], secname(y["shndx"]), y["value"], y["size"]))
    relocs = {}
    for s in secs:
        if s["type"] != 4:
            continue
        target = secname(s["info"])
        lst = []
        for k in range(s["size"] // 24):
            off, info, addend = struct.unpack_from("<QQq", data, s["off"] + 24 * k)
            si, ty = info >> 32, info & 0xFFFFFFFF
            y = syms[si] if si < len(syms) else None
            if si == 0:
                tname = "*ABS*"
            elif y["type"] == 3:
                tname = "[" + secname(y["shndx"]) + "]"
            else:
                tname = y["name"]
            lst.append((off, ty, tname, addend))
        relocs[target] = sorted(lst)
    sections = {}
    for s in secs:
        if s["idx"] == 0 or s["type"] in (2, 3, 4, 17):
            continue
        key = secname(s["idx"])
        sections[key] = s
    return sections, symset, relocs


def compare(a_path, b_path):
    """Differences between object a (reference) and b, as text lines."""
    sa, ya, ra = read_elf(a_path)
    sb, yb, rb = read_elf(b_path)
    diffs = []
    for name in sorted(set(sa) | set(sb)):
        if name not in sb:
            if sa[name]["size"] == 0 and name in (".text", ".data", ".bss"):
                continue
            diffs.append("section %s missing" % name)
            continue
        if name not in sa:
            diffs.append("section %s extra" % name)
            continue
        x, y = sa[name], sb[name]
        for f in ("type", "flags", "entsize", "align", "size"):
            if x[f] != y[f]:
                diffs.append("section %s: %s 0x%x vs 0x%x" % (name, f, x[f], y[f]))
        if x["data"] != y["data"]:
            n = min(len(x["data"]), len(y["data"]))
            first = next((i for i in range(n) if x["data"][i] != y["data"][i]), n)
            diffs.append("section %s: contents differ at offset 0x%x" % (name, first))
    for s in sorted(ya - yb):
        diffs.append("symbol missing: %s" % (s,))
    for s in sorted(yb - ya):
        diffs.append("symbol extra:   %s" % (s,))
    for name in sorted(set(ra) | set(rb)):
        la, lb = ra.get(name, []), rb.get(name, [])
        if la != lb:
            sa_, sb_ = set(la), set(lb)
            for r in sorted(sa_ - sb_)[:5]:
                diffs.append("reloc in %s missing: off=0x%x type=%d %s%+d" % ((name,) + r))
            for r in sorted(sb_ - sa_)[:5]:
                diffs.append("reloc in %s extra:   off=0x%x type=%d %s%+d" % ((name,) + r))
    return diffs


def main():
    args = sys.argv[1:]
    cfree = args.pop(0)
    cc_flags = []
    keep = None
    verbose = False
    files = []
    while args:
        a = args.pop(0)
        if a == "--cc-flags":
            cc_flags = args.pop(0).split()
        elif a == "--keep":
            keep = args.pop(0)
        elif a == "-v":
            verbose = True
        else:
            files.append(a)
    tmp = keep or tempfile.mkdtemp(prefix="cfree-as-")
    os.makedirs(tmp, exist_ok=True)
    ok = 0
    for i, f in enumerate(files):
        base = os.path.join(tmp, "%d_%s" % (i, os.path.basename(f)))
        src = f
        if f.endswith(".c"):
            src = base + ".s"
            r = subprocess.run(["gcc", "-S", "-o", src] + cc_flags + [f], capture_output=True)
            if r.returncode != 0:
                print("SKIP %s: gcc failed" % f)
                continue
        ref, out = base + ".gas.o", base + ".cfree.o"
        r = subprocess.run(["as", "--64", "-o", ref, src], capture_output=True)
        if r.returncode != 0:
            print("SKIP %s: GNU as failed" % f)
            continue
        r = subprocess.run([cfree, "as", "-o", out, src], capture_output=True, text=True)
        if r.returncode != 0:
            err = r.stderr.strip().splitlines()
            print("FAIL %s: cfree as exited %d: %s" % (f, r.returncode, err[0] if err else ""))
            continue
        d = compare(ref, out)
        if d:
            print("DIFF %s: %d differences" % (f, len(d)))
            for line in d[: (50 if verbose else 5)]:
                print("    " + line)
        else:
            ok += 1
            if verbose:
                print("MATCH %s" % f)
    print("%d/%d files match" % (ok, len(files)))
    return 0 if ok == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
