#!/usr/bin/env python3
"""bench.py: `-fsyntax-only` of the SQLite amalgamation with cfree and gcc,
against TinyCC's whole compile (`tcc -c`); median wall and CPU time
(user+sys from the child's rusage) over N runs.  A script, not a test: the
figures go to doc/PERFORMANCE.md.  On a shared, loaded machine the CPU time
is the meaningful figure.

    test/cc/bench.py [--cfree build/cfree] [--runs 11] [--src sqlite3.c]
"""
import argparse
import os
import shutil
import statistics
import subprocess
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
            raise SystemExit(f"{' '.join(cmd)} failed")
    return statistics.median(walls), statistics.median(cpus)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cfree", default="build/cfree")
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--src", default="/tmp/corpus/src/sqlite3/amalgamation/sqlite3.c")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [("cfree `-fsyntax-only`", [a.cfree, "cc", "-fsyntax-only", a.src]),
                ("cfree `-E`", [a.cfree, "cc", "-E", a.src, "-o", os.devnull])]
        if shutil.which("gcc"):
            rows.append(("gcc 12 `-fsyntax-only`", ["gcc", "-fsyntax-only", a.src]))
        if shutil.which("tcc"):
            rows.append(("tcc 0.9.27 `-c`", ["tcc", "-c", a.src, "-o", os.path.join(tmp, "t.o")]))
        res = [(name, *measure(cmd, a.runs)) for name, cmd in rows]
    base_wall, base_cpu = res[0][1], res[0][2]
    print("| tool | wall ms | CPU ms | CPU / cfree |")
    print("| --- | ---: | ---: | ---: |")
    for name, wall, cpu in res:
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {cpu / base_cpu:.2f} |")
    print(f"\n(load average {os.getloadavg()[0]:.0f} during the run)")


if __name__ == "__main__":
    main()
