#!/usr/bin/env python3
"""bench.py: preprocess the SQLite amalgamation with cfree, gcc and tcc;
print the median wall time and the median CPU time (user+sys, from the
child's rusage) over N runs, and the ratios to cfree.  A script, not a test:
the figures go to doc/PERFORMANCE.md.  On a shared, loaded machine the CPU
time is the meaningful figure; the wall time is printed too.

    test/pp/bench.py [--cfree build/cfree] [--runs 11] [--src sqlite3.c]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def measure(cmd, runs):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)  # warm up
    walls, cpus = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((ru.ru_utime + ru.ru_stime) * 1000)
        if status != 0:
            raise SystemExit(f"{cmd[0]} failed")
    return statistics.median(walls), statistics.median(cpus)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cfree", default="build/cfree")
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--src", default="/tmp/corpus/src/sqlite3/amalgamation/sqlite3.c")
    a = ap.parse_args()
    if not os.path.exists(a.src):
        sys.exit(f"bench.py: {a.src} not found (run ../shared/corpus/fetch.sh)")
    out = tempfile.mkdtemp()
    tools = [("cfree", [a.cfree, "cc", "-E", a.src, "-o", os.path.join(out, "cfree.i")])]
    for t in ("gcc", "tcc"):
        if shutil.which(t):
            tools.append((t, [t, "-E", a.src, "-o", os.path.join(out, t + ".i")]))
    lines = sum(1 for _ in open(a.src, "rb"))
    print(f"{os.path.basename(a.src)}: {lines} lines, {a.runs} runs each, medians; "
          f"load average {os.getloadavg()[0]:.1f}")
    res = [(n, *measure(c, a.runs)) for n, c in tools]
    cw, cc = res[0][1], res[0][2]
    print(f"{'tool':6} {'wall ms':>9} {'cpu ms':>9} {'wall/cfree':>11} {'cpu/cfree':>10} {'Mlines/s cpu':>13}")
    for n, w, c in res:
        print(f"{n:6} {w:9.1f} {c:9.1f} {w / cw:11.2f} {c / cc:10.2f} {lines / c / 1000:13.2f}")
    shutil.rmtree(out)


if __name__ == "__main__":
    main()
