#!/usr/bin/env python3
"""The execution matrix: every program runs through `cfree cc` + the
executable and through `cfree run`, at -O0 and -O1, and must print the same
stdout and exit with the same status.

Programs: the self-checking C programs of test/c, and the CPU benchmarks of
../shared/bench (CFREE_BENCH overrides the directory; skipped when absent)
with small arguments so the suite stays fast.

usage: matrix.py CFREE SRCROOT TMPDIR
"""
import os
import subprocess
import sys

cfree, srcroot, tmp = sys.argv[1:4]
os.makedirs(tmp, exist_ok=True)
progs = []  # (path, extra flags, args)
cdir = os.path.join(srcroot, "test", "c")
for f in sorted(os.listdir(cdir)):
    if f.endswith(".c"):
        progs.append((os.path.join(cdir, f), ["-I" + cdir], []))
bench = os.environ.get("CFREE_BENCH", "/work/shared/bench")
small = {"fib": ["25"], "hashtab": ["20000", "2"], "matmul": ["60", "2"], "nbody": ["100000"],
         "sieve": ["200000", "2"], "sort": ["100000"]}
if os.path.isdir(bench):
    for name, args in small.items():
        p = os.path.join(bench, name + ".c")
        if os.path.exists(p):
            progs.append((p, [], args))

failed = 0
for path, flags, args in progs:
    for opt in ["-O0", "-O1"]:
        exe = os.path.join(tmp, os.path.basename(path) + opt + ".exe")
        b = subprocess.run([cfree, "cc", opt] + flags + [path, "-lm", "-o", exe], capture_output=True, text=True)
        if b.returncode != 0:
            print("FAIL %s %s: cfree cc: %s" % (path, opt, b.stderr))
            failed += 1
            continue
        ref = subprocess.run([exe] + args, capture_output=True, text=True)
        got = subprocess.run([cfree, "run", opt] + flags + [path, "-lm", "--"] + args,
                             capture_output=True, text=True)
        if (ref.stdout, ref.returncode) != (got.stdout, got.returncode):
            print("FAIL %s %s: cc+exe status %d, run status %d\n--- cc+exe\n%s--- run\n%s%s" %
                  (path, opt, ref.returncode, got.returncode, ref.stdout, got.stdout, got.stderr))
            failed += 1
        else:
            print("ok   %s %s (status %d, %d bytes of output)" % (os.path.basename(path), opt,
                                                                 got.returncode, len(got.stdout)))
print("%d programs x 2 levels, %d failed" % (len(progs), failed))
sys.exit(1 if failed else 0)
