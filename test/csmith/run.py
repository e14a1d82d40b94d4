#!/usr/bin/env python3
"""Csmith differential harness for cfree.

Csmith (Debian `csmith`, runtime header from `libcsmith-dev` in
/usr/include/csmith) generates random, UB-free C programs that print a
checksum of their global state.  Each program is built twice: by cfree
(`cfree cc -c` then linked by gcc, or linked by cfree itself with
`--link cfree`) and by `gcc -O0` (the oracle); both executables run under a
timeout and their output is compared.  A program whose gcc build or run fails
or times out is skipped (it says nothing about cfree).

Every program is classified:
  pass             same output
  mismatch         both ran, outputs differ (a miscompile)
  compile-error    cfree rejected the program with a diagnostic
  compile-crash    cfree died on a signal or reported an internal compiler error
  compile-timeout  cfree did not finish compiling in time
  link-error       the object did not link
  run-crash        the cfree-built program died (signal or wrong exit status)
  run-timeout      the cfree-built program ran past the timeout (gcc's did not)

Failures leave the program, the outputs and the diagnostics in
LOGDIR/<seed>/, and a summary line in LOGDIR/failures.txt.  The last line
printed is exactly `csmith: N passed, M failed`.

With --expected FILE (lines `SEED CLASS`, '#' comments), the exit status is 0
only if the failing seeds and their classes are exactly those listed: a new
failure and a listed failure that now passes both fail the run (CI batch,
test/csmith/batch.test).  Without it, any failure makes the status 1.

--reduce runs creduce on each failure (time-boxed by --reduce-time) with an
interestingness test that keeps the failure class (and for compile failures
the same diagnostic); for mismatches it also requires the candidate to be
clean under gcc's -fsanitize=address,undefined so that reduction does not
wander into undefined behaviour.  The result is LOGDIR/<seed>/reduced.c.
"""
import argparse
import concurrent.futures
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CSMITH_INC = "/usr/include/csmith"
FAIL_CLASSES = ["mismatch", "compile-error", "compile-crash", "compile-timeout",
                "link-error", "run-crash", "run-timeout"]


def run(cmd, timeout, cwd=None):
    """Runs cmd; returns (status, stdout, stderr) with status 'timeout' on timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stdout or b""), (e.stderr or b"")
    return p.returncode, p.stdout, p.stderr


def describe_status(rc):
    if isinstance(rc, int) and rc < 0:
        try:
            return signal.Signals(-rc).name
        except ValueError:
            return "signal %d" % -rc
    return "exit %s" % rc


def error_key(stderr):
    """A short, location-free summary of cfree's first error, to group causes."""
    text = stderr.decode("utf-8", "replace")
    for line in text.splitlines():
        if "error" in line or "Assertion" in line or "terminate" in line:
            line = re.sub(r"^[^ ]*?:\d+:\d+: ", "", line)
            line = re.sub(r"\([^()]*\.(?:cpp|h):\d+\)", "", line)
            line = re.sub(r"'[^']*'", "'X'", line)
            return line.strip()[:160]
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[0][:160] if lines else ""


class Harness:
    def __init__(self, args):
        self.a = args
        self.cfree = os.path.abspath(args.cfree)

    def cfree_build(self, src, exe, work):
        """Builds src with cfree; returns (class-or-None, detail, stderr)."""
        inc = ["-w", "-I", CSMITH_INC]
        if self.a.link == "cfree":
            rc, out, err = run([self.cfree, "cc"] + inc + [src, "-o", exe, "-lm"],
                               self.a.compile_timeout, work)
            if rc == "timeout":
                return "compile-timeout", "timeout", err
            if rc != 0:
                return self.compile_class(rc, err), error_key(err), err
            return None, "", err
        obj = exe + ".o"
        rc, out, err = run([self.cfree, "cc"] + inc + ["-c", src, "-o", obj],
                           self.a.compile_timeout, work)
        if rc == "timeout":
            return "compile-timeout", "timeout", err
        if rc != 0:
            return self.compile_class(rc, err), error_key(err), err
        rc, out, lerr = run(["gcc", obj, "-o", exe, "-lm"], self.a.compile_timeout, work)
        if rc != 0:
            return "link-error", error_key(lerr), err + lerr
        return None, "", err

    @staticmethod
    def compile_class(rc, err):
        if rc < 0 or b"internal compiler error" in err or b"Assertion" in err:
            return "compile-crash"
        return "compile-error"

    def one(self, seed):
        """Runs one seed; returns (seed, class, detail) with class 'skip' when gcc fails."""
        work = tempfile.mkdtemp(prefix="csmith-%d-" % seed, dir=self.a.tmp)
        try:
            return self._one(seed, work)
        finally:
            if not self.a.keep:
                shutil.rmtree(work, ignore_errors=True)

    def _one(self, seed, work):
        src = os.path.join(work, "prog.c")
        cmd = ["csmith", "--seed", str(seed)] + shlex.split(self.a.csmith_opts)
        rc, out, err = run(cmd, 60)
        if rc != 0:
            return seed, "skip", "csmith failed"
        with open(src, "wb") as f:
            f.write(out)
        gexe = os.path.join(work, "gcc.exe")
        rc, _, gerr = run(["gcc", "-O0", "-w", "-I", CSMITH_INC, src, "-o", gexe, "-lm"],
                          self.a.compile_timeout * 4)
        if rc != 0:
            return seed, "skip", "gcc build failed"
        grc, gout, _ = run([gexe], self.a.run_timeout)
        if grc != 0:
            return seed, "skip", "gcc binary " + ("timed out" if grc == "timeout" else describe_status(grc))
        cexe = os.path.join(work, "cfree.exe")
        cls, detail, cerr = self.cfree_build(src, cexe, work)
        cout = b""
        if cls is None:
            crc, cout, crerr = run([cexe], self.a.run_timeout)
            cerr += crerr
            if crc == "timeout":
                cls, detail = "run-timeout", "timeout"
            elif crc != 0:
                cls, detail = "run-crash", describe_status(crc)
            elif cout != gout:
                cls, detail = "mismatch", "%s vs gcc %s" % (
                    cout.decode(errors="replace").strip()[-40:], gout.decode(errors="replace").strip()[-40:])
        if cls is None:
            return seed, "pass", ""
        d = os.path.join(self.a.log_dir, str(seed))
        os.makedirs(d, exist_ok=True)
        shutil.copy(src, os.path.join(d, "prog.c"))
        with open(os.path.join(d, "gcc.out"), "wb") as f:
            f.write(gout)
        with open(os.path.join(d, "cfree.out"), "wb") as f:
            f.write(cout)
        with open(os.path.join(d, "cfree.err"), "wb") as f:
            f.write(cerr)
        with open(os.path.join(d, "class"), "w") as f:
            f.write("%s\n%s\n" % (cls, detail))
        if self.a.reduce:
            self.reduce(seed, cls, detail, d)
        return seed, cls, detail

    # ---- creduce -----------------------------------------------------------
    def reduce(self, seed, cls, detail, d):
        """Time-boxed creduce of d/prog.c keeping (cls, detail); writes d/reduced.c."""
        rdir = os.path.join(d, "reduce")
        os.makedirs(rdir, exist_ok=True)
        # Reduce the preprocessed program so creduce sees the csmith runtime too;
        # cfree's own -E keeps both compilers on identical text.
        pre = os.path.join(rdir, "prog.c")
        rc, out, err = run([self.cfree, "cc", "-E", "-P", "-I", CSMITH_INC, os.path.join(d, "prog.c")], 120)
        if rc != 0:
            rc, out, err = run(["gcc", "-E", "-P", "-I", CSMITH_INC, os.path.join(d, "prog.c")], 120)
        with open(pre, "wb") as f:
            f.write(out)
        test = os.path.join(rdir, "interesting.sh")
        link = ("timeout %d %s cc -w -c prog.c -o c.o && gcc c.o -o c -lm" % (
            self.a.compile_timeout, shlex.quote(self.cfree))
                if self.a.link == "gcc" else "timeout %d %s cc -w prog.c -o c -lm" % (
                    self.a.compile_timeout, shlex.quote(self.cfree)))
        # Reject candidates gcc itself warns about in ways that signal UB.
        gcc_ok = ("gcc -O0 -w -fsyntax-only prog.c 2>/dev/null || exit 1\n"
                  "! gcc -O0 -c -Wall -Wextra prog.c -o /dev/null 2>&1 | grep -Eq "
                  "'uninitialized|without a cast|control reaches|return type defaults|"
                  "no return statement|incompatible|past the end|out of bounds|too few arguments|"
                  "division by zero|declared implicitly|implicit declaration' || exit 1\n")
        if cls == "mismatch":
            body = gcc_ok + (
                "gcc -O0 -w -fsanitize=address,undefined -fno-sanitize-recover=all prog.c -o g -lm "
                ">/dev/null 2>&1 || exit 1\n"
                "timeout %d ./g > g.out 2>/dev/null || exit 1\n"
                "{ %s; } >/dev/null 2>&1 || exit 1\n"
                "timeout %d ./c > c.out 2>/dev/null || exit 1\n"
                "! cmp -s g.out c.out\n") % (self.a.run_timeout, link, self.a.run_timeout)
        elif cls in ("run-crash", "run-timeout"):
            want = "124" if cls == "run-timeout" else "[1-9]*"
            body = gcc_ok + (
                "gcc -O0 -w -fsanitize=address,undefined -fno-sanitize-recover=all prog.c -o g -lm "
                ">/dev/null 2>&1 || exit 1\n"
                "timeout %d ./g >/dev/null 2>&1 || exit 1\n"
                "{ %s; } >/dev/null 2>&1 || exit 1\n"
                "timeout %d ./c >/dev/null 2>&1; r=$?\n"
                "case $r in 0) exit 1;; %s) exit 0;; *) exit 1;; esac\n") % (
                    self.a.run_timeout, link, self.a.run_timeout, want)
        else:
            # Compile failures: keep the same summarised diagnostic.
            body = gcc_ok + (
                "{ %s; } > c.log 2>&1; r=$?\n"
                "test $r -eq 0 && exit 1\n"
                "exec %s %s --match-error c.log $r %s\n") % (
                    link, shlex.quote(sys.executable),
                    shlex.quote(os.path.abspath(__file__)), shlex.quote(cls + "\t" + detail))
        with open(test, "w") as f:
            f.write("#!/bin/bash\n" + body)
        os.chmod(test, 0o755)
        rc, _, _ = run(["bash", test], 300, rdir)
        if rc != 0:
            with open(os.path.join(d, "reduce.log"), "w") as f:
                f.write("preprocessed program is not interesting (status %s); not reduced\n" % rc)
            return
        rc, out, err = run(["creduce", "--n", str(self.a.reduce_jobs), "--timing", test, "prog.c"],
                           self.a.reduce_time, rdir)
        with open(os.path.join(d, "reduce.log"), "wb") as f:
            f.write(out + err + ("\n[creduce stopped after %ds]\n" % self.a.reduce_time).encode()
                    if rc == "timeout" else out + err)
        shutil.copy(pre, os.path.join(d, "reduced.c"))


def match_error(log, status, want):
    """--match-error helper for the interestingness test: same class and key."""
    cls, _, key = want.partition("\t")
    with open(log, "rb") as f:
        err = f.read()
    rc = int(status)
    if cls == "compile-timeout":
        return 0 if rc == 124 else 1
    if rc == 124:
        return 1
    got = Harness.compile_class(-(rc - 128) if rc > 128 else rc, err)
    return 0 if got == cls and error_key(err) == key else 1


def read_expected(path):
    exp = {}
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                exp[int(line[0])] = line[1]
    return exp


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--match-error":
        return match_error(sys.argv[2], sys.argv[3], sys.argv[4])
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cfree", default=os.path.join(here, "..", "..", "build", "cfree"))
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--seed-start", type=int, default=1)
    ap.add_argument("--random", action="store_true", help="random seeds (campaigns)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--link", choices=["gcc", "cfree"], default="gcc",
                    help="who links cfree's object: gcc (default) or cfree cc itself")
    ap.add_argument("--csmith-opts", default="", help="extra csmith options")
    ap.add_argument("--compile-timeout", type=int, default=60)
    ap.add_argument("--run-timeout", type=int, default=10)
    ap.add_argument("--log-dir", default="csmith-logs")
    ap.add_argument("--tmp", default=None)
    ap.add_argument("--keep", action="store_true", help="keep work directories")
    ap.add_argument("--expected", help="file of expected failures: SEED CLASS per line")
    ap.add_argument("--reduce", action="store_true", help="creduce each failure")
    ap.add_argument("--reduce-time", type=int, default=300, help="seconds per reduction")
    ap.add_argument("--reduce-jobs", type=int, default=1)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    if not shutil.which("csmith") or not os.path.isfile(os.path.join(CSMITH_INC, "csmith.h")):
        print("run.py: needs csmith and libcsmith-dev (%s/csmith.h)" % CSMITH_INC, file=sys.stderr)
        return 2
    if not os.access(a.cfree, os.X_OK):
        print("run.py: no cfree at %s (--cfree)" % a.cfree, file=sys.stderr)
        return 2
    os.makedirs(a.log_dir, exist_ok=True)
    if a.random:
        rng = random.SystemRandom()
        seeds = [rng.randrange(1, 2**31) for _ in range(a.count)]
    else:
        seeds = list(range(a.seed_start, a.seed_start + a.count))
    h = Harness(a)
    t0 = time.time()
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        for seed, cls, detail in ex.map(h.one, seeds):
            results[seed] = (cls, detail)
            if cls != "pass" or a.verbose:
                print("seed %d: %s%s" % (seed, cls, (": " + detail) if detail else ""), flush=True)
    wall = time.time() - t0
    passed = sum(1 for c, _ in results.values() if c == "pass")
    skipped = sum(1 for c, _ in results.values() if c == "skip")
    failed = {s: c for s, (c, _) in results.items() if c not in ("pass", "skip")}
    with open(os.path.join(a.log_dir, "failures.txt"), "a") as f:
        for s in sorted(failed):
            f.write("%d %s\t%s\n" % (s, failed[s], results[s][1]))
    by_class = {}
    for c in failed.values():
        by_class[c] = by_class.get(c, 0) + 1
    print("classes: " + (", ".join("%s %d" % (c, by_class[c]) for c in FAIL_CLASSES if c in by_class)
                         or "none") + "; skipped %d; wall %.0fs" % (skipped, wall))
    status = 1 if failed else 0
    if a.expected:
        exp = read_expected(a.expected)
        status = 0
        for s in seeds:
            got = failed.get(s)
            want = exp.get(s)
            if results[s][0] == "skip" and want is None:
                continue
            if got != want:
                status = 1
                print("unexpected: seed %d is %s, expected %s" % (
                    s, got or results[s][0], want or "pass"))
    print("csmith: %d passed, %d failed" % (passed, len(failed)))
    return status


if __name__ == "__main__":
    sys.exit(main())
