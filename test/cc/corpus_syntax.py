#!/usr/bin/env python3
"""corpus_syntax.py: `cfree cc -fsyntax-only` over the shared corpus.

Runs over every .c file of Lua 5.4, the SQLite amalgamation (against the
host glibc headers) and every gcc.c-torture/execute test.  The torture
tests that need features cfree does not support are listed, with the
reason, in corpus-unsupported.txt; any other failure -- or a listed file
that now passes -- fails the test.  Usage: corpus_syntax.py <cfree> <corpus>
"""
import os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

def main():
    cfree, corpus = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    expected = {}
    with open(os.path.join(here, "corpus-unsupported.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                name, reason = line.split(None, 1)
                expected[name] = reason
    jobs = []
    lua = os.path.join(corpus, "src/lua5.4/src")
    for n in sorted(os.listdir(lua)):
        if n.endswith(".c"):
            jobs.append(("lua/" + n, os.path.join(lua, n), []))
    jobs.append(("sqlite3.c", os.path.join(corpus, "src/sqlite3/amalgamation/sqlite3.c"), []))
    tort = os.path.join(corpus, "gcc-testsuite/gcc.c-torture/execute")
    for n in sorted(os.listdir(tort)):
        if n.endswith(".c"):
            jobs.append(("torture/" + n, os.path.join(tort, n), ["-w"]))

    def run(job):
        name, path, extra = job
        try:
            r = subprocess.run([cfree, "cc", "-fsyntax-only"] + extra + [path], capture_output=True,
                               text=True, errors="replace", timeout=60)
            ok = r.returncode == 0
            first = next((l for l in r.stderr.splitlines() if "error" in l), r.stderr[:200])
        except subprocess.TimeoutExpired:
            ok, first = False, "timeout"
        return name, ok, first

    bad = 0
    with ThreadPoolExecutor(max_workers=2) as ex:
        for name, ok, first in ex.map(run, jobs):
            if not ok and name not in expected:
                print("FAIL %s: %s" % (name, first))
                bad += 1
            elif ok and name in expected:
                print("UNEXPECTED PASS %s (listed: %s)" % (name, expected[name]))
                bad += 1
    print("%d files, %d listed as unsupported, %d unexpected results" % (len(jobs), len(expected), bad))
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
