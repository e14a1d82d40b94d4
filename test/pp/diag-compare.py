#!/usr/bin/env python3
"""diag-compare.py CFREE DIR: compare the first diagnostic line of every
DIR/diag-*.c under `cfree cc -E` and `gcc -E`; exit 1 on a mismatch that is
not a known deviation."""
import glob
import os
import subprocess
import sys

# Cases where cfree knowingly differs from GCC 12, and why.
KNOWN = {
    # GCC prints these without a column ("file:1: error: ..."); cfree always
    # gives the column of the directive.
    "diag-unterminated-if.c", "diag-unterminated-ifdef.c", "diag-unterminated-ifndef.c",
    "diag-redefined.c",
    # GCC points at the ')' of the parameter list.
    "diag-hash-not-param.c",
    # GCC points at the argument; cfree at the macro name.
    "diag-stringify-trailing-backslash.c",
    # GCC reports the closing-paren column after the unterminated comment.
    "diag-unterminated-comment-skipped.c",
}


def first_diag(cmd):
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for line in p.stderr.decode("utf-8", "replace").splitlines():
        if ": error: " in line or ": warning: " in line or ": fatal error: " in line:
            return line.split(" [-W")[0]
    return None


def main():
    cfree, d = sys.argv[1], sys.argv[2]
    bad = 0
    files = sorted(glob.glob(os.path.join(d, "diag-*.c")))
    for f in files:
        name = os.path.basename(f)
        g = first_diag(["gcc", "-E", f, "-o", "/dev/null"])
        c = first_diag([cfree, "cc", "-E", f, "-o", "/dev/null"])
        if g != c and name not in KNOWN:
            bad += 1
            print(f"MISMATCH {name}\n  gcc:   {g}\n  cfree: {c}")
    print(f"{len(files) - bad} of {len(files)} agree with gcc")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
