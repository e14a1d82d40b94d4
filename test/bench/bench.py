#!/usr/bin/env python3
"""bench.py: cfree's benchmarks against gcc, tcc (and lld for links), each
table measured in one run so the ratios compare like with like.  A script,
not a test: its tables go to doc/PERFORMANCE.md.  Times are medians over
--runs runs; CPU is user+sys from the child's rusage (the meaningful figure
on a shared, loaded machine), peak memory is the child's max RSS.

    test/bench/bench.py [--cfree build/cfree] [--runs N] WHAT...

WHAT:
  pp        `-E` of the SQLite amalgamation: cfree, gcc, tcc (with Mlines/s)
  syntax    `-fsyntax-only` of the SQLite amalgamation: cfree, gcc (cfree -E and
            tcc -c for scale)
  compile   the SQLite amalgamation to an object: cfree, tcc, gcc -O0, clang -O0
  programs  run time of ../shared/bench programs built by cfree, tcc, gcc -O0, gcc -O2
  run       `cfree run` of hello.c and of a generated 5,000-line program vs
            `tcc -run` and `gcc x.c && ./a.out`
  link      linking Lua and SQLite (objects from gcc -O0 -c) with gcc's own
            linker command line: cfree ld vs GNU ld vs lld
  all       every table above
"""
import argparse
import math
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CORPUS = os.environ.get("CORPUS", "/tmp/corpus")
SQLITE = os.path.join(CORPUS, "src/sqlite3/amalgamation/sqlite3.c")
BENCH = os.environ.get("CFREE_BENCH", "/work/shared/bench")
HERE = os.path.dirname(os.path.abspath(__file__))


def run_once(cmd, cwd=None):
    """Wall ms, CPU ms, peak RSS MB of one run.  The peak comes from GNU time
    when present: a child forked from this Python process would otherwise
    report Python's own RSS as its peak."""
    gtime = shutil.which("time", path="/usr/bin")
    with tempfile.NamedTemporaryFile("r") as tf:
        full = [gtime, "-f", "%M", "-o", tf.name] + cmd if gtime else cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        _, status, ru = os.wait4(p.pid, 0)
        wall = (time.perf_counter() - t0) * 1000
        if status != 0:
            raise RuntimeError("failed: " + shlex.join(cmd))
        rss = int(tf.read().split()[-1]) / 1024 if gtime else ru.ru_maxrss / 1024
    return wall, (ru.ru_utime + ru.ru_stime) * 1000, rss


def measure(cmd, runs, cwd=None, warm=True):
    """Median wall ms, median CPU ms, max peak RSS MB of `cmd` over `runs`."""
    if warm:
        run_once(cmd, cwd)
    res = [run_once(cmd, cwd) for _ in range(runs)]
    return (statistics.median(r[0] for r in res), statistics.median(r[1] for r in res),
            max(r[2] for r in res))


def measure_shell(script, runs, cwd):
    return measure(["bash", "-c", script], runs, cwd)


def have(tool):
    return shutil.which(tool) is not None


def table(title, rows, base, extra_cols=()):
    """rows: (name, wall, cpu, rss, *extra).  Ratios are CPU time / base's CPU time."""
    print(f"\n### {title}\n")
    basecpu = next(r[2] for r in rows if r[0] == base)
    hdr = "| tool | wall ms | CPU ms | peak MB | CPU / " + base + " |" + "".join(f" {c} |" for c in extra_cols)
    print(hdr)
    print("| --- | ---: | ---: | ---: | ---: |" + " ---: |" * len(extra_cols))
    for r in rows:
        name, wall, cpu, rss = r[:4]
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {rss:.1f} | {cpu / basecpu:.2f} |"
              + "".join(f" {x} |" for x in r[4:]))
    sys.stdout.flush()


def need_sqlite():
    if not os.path.exists(SQLITE):
        sys.exit(f"bench.py: {SQLITE} not found (run ../shared/corpus/fetch.sh)")


def bench_pp(a, tmp):
    need_sqlite()
    rows = [("cfree -E", a.cfree + ["cc", "-E", SQLITE, "-o", os.path.join(tmp, "c.i")])]
    if have("gcc"):
        rows.append(("gcc -E", ["gcc", "-E", SQLITE, "-o", os.path.join(tmp, "g.i")]))
    if have("tcc"):
        rows.append(("tcc -E", ["tcc", "-E", SQLITE, "-o", os.path.join(tmp, "t.i")]))
    lines = sum(1 for _ in open(SQLITE, "rb"))
    res = []
    for n, c in rows:
        wall, cpu, rss = measure(c, a.runs)
        res.append((n, wall, cpu, rss, f"{lines / cpu / 1000:.2f}"))
    table(f"preprocess sqlite3.c ({lines:,} lines)", res, "cfree -E", ["Mlines/s (CPU)"])


def bench_syntax(a, tmp):
    need_sqlite()
    rows = [("cfree -fsyntax-only", a.cfree + ["cc", "-fsyntax-only", SQLITE]),
            ("cfree -E (for reference)", a.cfree + ["cc", "-E", SQLITE, "-o", os.path.join(tmp, "c.i")])]
    if have("gcc"):
        rows.append(("gcc -fsyntax-only", ["gcc", "-fsyntax-only", SQLITE]))
    if have("tcc"):
        rows.append(("tcc -c (whole compile)", ["tcc", "-c", SQLITE, "-o", os.path.join(tmp, "t.o")]))
    table("check sqlite3.c", [(n, *measure(c, a.runs)) for n, c in rows], "cfree -fsyntax-only")


def bench_compile(a, tmp):
    need_sqlite()
    rows = [("cfree cc -c", a.cfree + ["cc", "-c", SQLITE, "-o", os.path.join(tmp, "c.o")])]
    if have("tcc"):
        rows.append(("tcc -c", ["tcc", "-c", SQLITE, "-o", os.path.join(tmp, "t.o")]))
    if have("gcc"):
        rows.append(("gcc -O0 -c", ["gcc", "-O0", "-c", SQLITE, "-o", os.path.join(tmp, "g.o")]))
    if have("clang"):
        rows.append(("clang -O0 -c", ["clang", "-O0", "-c", SQLITE, "-o", os.path.join(tmp, "l.o")]))
    res = []
    for n, c in rows:
        r = measure(c, max(1, a.runs if not n.startswith(("gcc", "clang")) else min(a.runs, 3)))
        res.append((n, *r, f"{os.path.getsize(c[-1]) / 1e6:.2f}"))
    table("compile sqlite3.c to an object", res, "tcc -c" if have("tcc") else res[0][0], ["object MB"])


def bench_programs(a, tmp):
    progs = ["fib", "sieve", "nbody", "matmul", "hashtab", "sort"]
    ccs = [("cfree", a.cfree + ["cc"])]
    if have("tcc"):
        ccs.append(("tcc", ["tcc"]))
    ccs += [("gcc -O0", ["gcc", "-O0"]), ("gcc -O2", ["gcc", "-O2"])]
    times = {}
    for p in progs:
        src = os.path.join(BENCH, p + ".c")
        ref = None
        for name, cc in reversed(ccs):  # gcc -O2 first: its output is the reference
            exe = os.path.join(tmp, f"{p}.{name.replace(' ', '')}")
            subprocess.run(cc + ["-o", exe, src, "-lm"], check=True, stderr=subprocess.DEVNULL)
            out = subprocess.run([exe], capture_output=True).stdout
            if ref is None:
                ref = out
            if out != ref:
                times[p, name] = None
                continue
            times[p, name] = measure([exe], a.runs, warm=False)[1]
    print(f"\n### run time of ../shared/bench programs (CPU s, median of {a.runs})\n")
    print("| program | " + " | ".join(n for n, _ in ccs) + " |")
    print("| --- |" + " ---: |" * len(ccs))
    for p in progs:
        print(f"| {p} | " + " | ".join("WRONG" if times[p, n] is None else f"{times[p, n] / 1000:.3f}"
                                        for n, _ in ccs) + " |")
    for n, _ in ccs:
        rs = [times[p, n] / times[p, "gcc -O2"] for p in progs if times[p, n] is not None]
        gm = math.exp(sum(map(math.log, rs)) / len(rs)) if rs else float("nan")
        print(f"| geomean vs gcc -O2: {n} | {gm:.2f} |" + " |" * (len(ccs) - 1))
    sys.stdout.flush()


def bench_run(a, tmp):
    hello = os.path.join(HERE, "..", "run", "hello.c")
    big = os.path.join(tmp, "big5k.c")
    subprocess.run([sys.executable, os.path.join(HERE, "gen5k.py"), big], check=True)
    lines = sum(1 for _ in open(big))
    for title, src in (("hello.c", hello), (f"generated program ({lines} lines)", big)):
        rows = [("cfree run", a.cfree + ["run", src])]
        if have("tcc"):
            rows.append(("tcc -run", ["tcc", "-run", src]))
        if have("gcc"):
            exe = os.path.join(tmp, "a.out")
            rows.append(("gcc x.c && ./a.out", ["bash", "-c", f"gcc -w {shlex.quote(src)} -o {exe} && {exe}"]))
        res = [(n, *measure(c, a.runs)) for n, c in rows]
        print(f"\n### {title}: compile and run, wall time is the user's figure\n")
        print("| command | wall ms | CPU ms | peak MB | wall / cfree run |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for n, w, c, m in res:
            print(f"| {n} | {w:.1f} | {c:.1f} | {m:.1f} | {w / res[0][1]:.2f} |")
        sys.stdout.flush()


def gcc_link_args(objs, out):
    """The linker command gcc would run for `gcc objs -o out -lm`, minus LTO plugin options."""
    err = subprocess.run(["gcc", "-###"] + objs + ["-o", out, "-lm"], capture_output=True, text=True).stderr
    line = next(l for l in err.splitlines() if "collect2" in l)
    args, it = [], iter(shlex.split(line)[1:])
    for x in it:
        if x == "-plugin":
            next(it)
        elif not x.startswith("-plugin-opt"):
            args.append(x)
    return args


def bench_link(a, tmp):
    lua = os.path.join(CORPUS, "src/lua5.4")
    srcs = {}
    luasrc = next((os.path.join(r, "") for r, d, f in os.walk(lua) if "lapi.c" in f), None)
    if luasrc:
        srcs["Lua 5.4"] = [os.path.join(luasrc, f) for f in sorted(os.listdir(luasrc))
                           if f.endswith(".c") and f not in ("luac.c", "onelua.c")]
    if os.path.exists(SQLITE):
        shell = os.path.join(os.path.dirname(SQLITE), "shell.c")
        srcs["SQLite shell"] = [SQLITE] + ([shell] if os.path.exists(shell) else [])
    for prog, files in srcs.items():
        d = os.path.join(tmp, prog.split()[0])
        os.makedirs(d, exist_ok=True)
        objs = []
        for f in files:
            o = os.path.join(d, os.path.basename(f)[:-2] + ".o")
            subprocess.run(["gcc", "-O0", "-w", "-c", f, "-o", o, "-DLUA_USE_LINUX"], check=True)
            objs.append(o)
        args = gcc_link_args(objs, os.path.join(d, "out"))
        size = sum(os.path.getsize(o) for o in objs) / 1e6
        rows = [("cfree ld", a.cfree + ["ld"] + args), ("GNU ld", ["ld"] + args)]
        if have("ld.lld"):
            rows.append(("lld", ["ld.lld"] + args))
        res = [(n, *measure(c, a.runs)) for n, c in rows]
        table(f"link {prog} ({len(objs)} objects, {size:.1f} MB, gcc's command line)", res, "GNU ld")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cfree", default="build/cfree")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("what", nargs="+", choices=["pp", "syntax", "compile", "programs", "run", "link", "all"])
    a = ap.parse_args()
    a.cfree = [os.path.abspath(a.cfree)]
    what = ["pp", "syntax", "compile", "programs", "run", "link"] if "all" in a.what else a.what
    print(f"cfree bench: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load average {os.getloadavg()[0]:.1f} at start, {a.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        for w in what:
            globals()["bench_" + w](a, tmp)
    print(f"\n(load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    main()
