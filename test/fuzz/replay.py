#!/usr/bin/env python3
"""replay.py: feed every fuzzer regression input to the normal cfree tool.

    replay.py CFREE INPUTS_DIR

INPUTS_DIR has one subdirectory per fuzz target (cc, obj, ar, as, exe); each
file in it is an input that once crashed, hung or tripped a sanitizer in that
target's harness.  Each is run through the `cfree` subcommands that reach the
same code, and each run must end the way any input must: no signal, no
"internal compiler error", within 60 s, and either success (exit 0: some
reproducers are valid input that made a reader overrun its buffer) or exit
status 1 with an "error:" diagnostic.
Prints one line per failure and "replay: N runs, M failed"; exits 1 if any
failed.
"""
import os
import subprocess
import sys
import tempfile

# target -> command lines ({} is the input file, {o} a scratch output path).
COMMANDS = {
    "cc": [["cc", "-fsyntax-only", "-nostdinc", "-x", "c", "{}"]],
    "obj": [["objdump", "-f", "-h", "-r", "-t", "-s", "-d", "{}"],
            ["objdump", "--rewrite={o}", "{}"],
            ["ld", "-static", "-o", "{o}", "{}"]],
    "ar": [["ar", "t", "{}"],
           ["ld", "-static", "-o", "{o}", "--whole-archive", "{}"]],
    "as": [["as", "-o", "{o}", "{}"]],
    "exe": [["objdump", "-x", "-T", "-R", "-d", "{}"],
            ["ld", "-pie", "-o", "{o}", "{}"]],
}


def main():
    cfree, root = sys.argv[1], sys.argv[2]
    runs = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        for target in sorted(COMMANDS):
            d = os.path.join(root, target)
            if not os.path.isdir(d):
                continue
            for name in sorted(os.listdir(d)):
                path = os.path.join(d, name)
                for cmd in COMMANDS[target]:
                    argv = [cfree] + [a.replace("{o}", out).replace("{}", path) for a in cmd]
                    runs += 1
                    why = None
                    try:
                        p = subprocess.run(argv, capture_output=True, timeout=60)
                        err = p.stderr.decode("utf-8", "replace")
                        if p.returncode < 0 or p.returncode >= 128:
                            why = "killed by signal %d" % -p.returncode
                        elif "internal compiler error" in err:
                            why = "internal compiler error"
                        elif p.returncode not in (0, 1):
                            why = "exit status %d, expected 0 or 1" % p.returncode
                        elif p.returncode == 1 and "error:" not in err:
                            why = "no error diagnostic"
                    except subprocess.TimeoutExpired:
                        why = "timed out"
                    if why:
                        failed += 1
                        print("FAIL %s/%s: cfree %s: %s" % (target, name, " ".join(cmd), why))
    print("replay: %d runs, %d failed" % (runs, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
