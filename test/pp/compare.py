#!/usr/bin/env python3
"""compare.py: differential test of `cfree cc -E` against `gcc -E`.

For each input file both preprocessors run with the same flags; the outputs
are compared as token sequences (white space and line markers ignored), and
optionally byte for byte (--exact).  Prints one line per file and the first
difference with context; exits 1 if any file differs.

    compare.py --cfree build/cfree [--gcc gcc] [--exact] [-- flags...] files...
    compare.py --cfree build/cfree --headers stdio.h stdlib.h ...   (#include <h>)
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

TOKEN_RE = re.compile(r"""
    (?:u8|[uUL])?"(?:[^"\\\n]|\\.)*"      # string literal
  | (?:u8|[uUL])?'(?:[^'\\\n]|\\.)*'      # character constant
  | \.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.$])* # pp-number
  | [A-Za-z_$\x80-\xff][A-Za-z0-9_$\x80-\xff]*  # identifier
  | %:%:|\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[*/%+\-&^|]=|\#\#|<:|:>|<%|%>|%:
  | \S                                     # anything else
""", re.X)


def tokens(text):
    out = []
    for line in text.split("\n"):
        if re.match(r"^# \d+ ", line) or line.startswith("#pragma GCC system_header"):
            continue
        out.extend(TOKEN_RE.findall(line))
    return out


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("latin-1"), p.stderr.decode("latin-1")


def compare(name, gcc_cmd, cfree_cmd, exact, quiet, strict=False):
    grc, gout, gerr = run(gcc_cmd)
    crc, cout, cerr = run(cfree_cmd)
    if grc != 0:
        print(f"SKIP {name}: gcc failed: {gerr.strip()[:200]}")
        return True
    if crc != 0:
        print(f"FAIL {name}: cfree exited {crc}: {cerr.strip()[:400]}")
        return False
    gt, ct = tokens(gout), tokens(cout)
    if gt != ct:
        i = 0
        while i < min(len(gt), len(ct)) and gt[i] == ct[i]:
            i += 1
        print(f"FAIL {name}: token {i} of {len(gt)} (cfree has {len(ct)})")
        if True:
            print("  gcc:   " + " ".join(gt[max(0, i - 12):i + 12]))
            print("  cfree: " + " ".join(ct[max(0, i - 12):i + 12]))
        return False
    if exact and gout != cout:
        gl, cl = gout.split("\n"), cout.split("\n")
        n = 0
        first = None
        for a, b in zip(gl, cl):
            if a != b:
                n += 1
                if first is None:
                    first = (a, b)
        n += abs(len(gl) - len(cl))
        print(f"TEXT {name}: tokens equal, {n} lines differ")
        if first:
            print(f"  gcc:   {first[0][:150]!r}\n  cfree: {first[1][:150]!r}")
        return not strict
    if not quiet:
        print(f"PASS {name}: {len(gt)} tokens")
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cfree", required=True)
    ap.add_argument("--gcc", default="gcc")
    ap.add_argument("--exact", action="store_true", help="also report text differences")
    ap.add_argument("--strict", action="store_true", help="text differences fail (implies --exact)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--every", type=int, default=1,
                    help="compare every Nth file against gcc; the others must only preprocess cleanly")
    ap.add_argument("--headers", action="store_true", help="arguments are header names")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--cfree-flag", action="append", default=[], help="flag for cfree only (e.g. --target=...)")
    ap.add_argument("--gcc-include", help="use this directory (gcc's own headers) in place of rt/include")
    ap.add_argument("files", nargs="*")
    args, flags = ap.parse_known_args()
    if "--" in flags:
        flags.remove("--")
    if args.gcc_include:
        os.environ["CFREE_RT_INCLUDE_DIR"] = args.gcc_include
    tmpdir = tempfile.mkdtemp()
    jobs = []
    for f in args.files:
        path = f
        if args.headers:
            path = os.path.join(tmpdir, re.sub(r"[/.]", "_", f) + ".c")
            with open(path, "w") as fp:
                fp.write(f"#include <{f}>\n")
        gcc_cmd = [args.gcc, "-E"] + flags + [path]
        cfree_cmd = [args.cfree, "cc", "-E"] + args.cfree_flag + flags + [path]
        jobs.append((f, gcc_cmd, cfree_cmd))
    exact = args.exact or args.strict
    def run1(j, idx=[0]):
        idx[0] += 1
        if args.every > 1 and idx[0] % args.every:
            rc, _, err = run(j[2])
            if rc != 0 and run(j[1])[0] != 0:
                print(f"SKIP {j[0]}: gcc fails too")
                return True
            if rc != 0:
                print(f"FAIL {j[0]}: cfree exited {rc}: {err.strip()[:400]}")
            return rc == 0
        return compare(j[0], j[1], j[2], exact, args.quiet, args.strict)
    if args.jobs > 1:
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(args.jobs) as ex:
            results = list(ex.map(run1, jobs))
    else:
        results = [run1(j) for j in jobs]
    ok = all(results)
    print(f"{sum(results)} of {len(results)} files agree with {args.gcc}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
