"""Check rt-int128.c's output with Python's exact integers: quotient and
remainder of every unsigned and signed 128-bit division (C truncates toward
zero), and the correctly rounded int -> double/float conversions."""
import sys
from fractions import Fraction

M = 1 << 128


def s128(v):
    return v - M if v >> 127 else v


def round_bits(v, bits):
    """|v| rounded to nearest-even with `bits` significant bits, as a Fraction."""
    if v == 0:
        return 0
    n = v.bit_length()
    if n <= bits:
        return v
    shift = n - bits
    q, r = divmod(v, 1 << shift)
    half = 1 << (shift - 1)
    if r > half or (r == half and q & 1):
        q += 1
    return q << shift


def f32(v):
    neg = v < 0
    r = round_bits(abs(v), 24)
    if r >= 1 << 128:
        return float("-inf") if neg else float("inf")
    return float(-r if neg else r)


checked = 0
for line in sys.stdin:
    w = line.split()
    if w[0] in ("u", "s"):
        a, b, q, r = (int(x, 16) for x in w[1:])
        if w[0] == "s":
            a, b, q, r = s128(a), s128(b), s128(q), s128(r)
            eq = abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)
            er = a - eq * b
        else:
            eq, er = divmod(a, b)
        if (q, r) != (eq, er):
            print("FAIL %s: got %d %d want %d %d" % (line.strip(), q, r, eq, er))
            sys.exit(1)
        checked += 1
    elif w[0] == "f":
        a = int(w[1], 16)
        got = [float.fromhex(x) for x in w[2:]]
        want = [float(a), float(s128(a)), f32(a), f32(s128(a))]
        if got != want:
            print("FAIL %s: want %s" % (line.strip(), [x.hex() for x in want]))
            sys.exit(1)
        checked += 1
print("checked %d" % checked)
