#!/usr/bin/env python3
"""bench.py: assembling gcc's `-S` output of the SQLite amalgamation with
`cfree as` and GNU as, at -O0, -O2 and -O2 -g; median wall and CPU time
(user+sys from the child's rusage) over N runs, and max RSS, all measured
in the same run.  A script, not a test: the table goes to
doc/PERFORMANCE.md.  On a shared, loaded machine the CPU time is the
meaningful figure.

    test/as/bench.py [--cfree build/cfree] [--runs 7] [--src sqlite3.c]
                     [--modes "-O0,-O2,-O2 -g"]
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time


def measure(cmd, runs):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)  # warm up
    walls, cpus, rss = [], [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((ru.ru_utime + ru.ru_stime) * 1000)
        rss = max(rss, ru.ru_maxrss)
        if status != 0:
            raise SystemExit(f"{' '.join(cmd)} failed")
    return statistics.median(walls), statistics.median(cpus), rss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cfree", default="build/cfree")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--src", default="/tmp/corpus/src/sqlite3/amalgamation/sqlite3.c")
    ap.add_argument("--modes", default="-O0,-O2,-O2 -g")
    a = ap.parse_args()
    print("| input | assembler | wall ms | CPU ms | CPU / GNU as | max RSS MB |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for mode in a.modes.split(","):
            s = os.path.join(tmp, "in.s")
            subprocess.run(["gcc", "-S", "-o", s] + mode.split() + [a.src], check=True)
            size = os.path.getsize(s) / 1e6
            o = os.path.join(tmp, "out.o")
            gnu = measure(["as", "--64", "-o", o, s], a.runs)
            cf = measure([a.cfree, "as", "-o", o, s], a.runs)
            label = f"`gcc {mode} -S` ({size:.1f} MB)"
            for name, (wall, cpu, rss) in (("GNU as 2.40", gnu), ("cfree as", cf)):
                print(f"| {label} | {name} | {wall:.0f} | {cpu:.0f} | {cpu / gnu[1]:.2f} | {rss:.0f} |")
    print(f"\n(load average {os.getloadavg()[0]:.0f} at the end of the run)")


if __name__ == "__main__":
    main()
