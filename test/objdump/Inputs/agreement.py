#!/usr/bin/env python3
"""How often does `cfree objdump -d` print the same instruction line as GNU
objdump -d?  (issue 8, acceptance 2)

usage: agreement.py CFREE [--min PCT] [--show N] [--per-file] FILE...

Runs both disassemblers on every FILE, pairs the instruction lines by
address, normalises whitespace, and counts a line as equal when the
address, the first line of raw bytes and the text all agree.  Lines only
one side prints (a desynchronised decoder, a missing label) count as
different.  Prints the overall figure, each file's figure with --per-file,
then the differing lines grouped by GNU objdump's mnemonic (most frequent
first, N examples each).  With --min, exits 1 if the figure is below PCT.
"""
import collections
import os
import re
import subprocess
import sys

LINE = re.compile(r'^\s*([0-9a-f]+):\t([0-9a-f]{2}(?: [0-9a-f]{2})*)\s*(?:\t(.*))?$')
PREFIXES = {'lock', 'rep', 'repz', 'repnz', 'repe', 'repne', 'data16', 'addr32', 'notrack', 'bnd',
            'cs', 'ds', 'es', 'ss', 'fs', 'gs', 'rex', 'rex.W', 'rex.B', 'rex.R', 'rex.X', 'xacquire',
            'xrelease', '{vex}', '{vex3}', '{evex}'}


def norm(t):
    return re.sub(r'\s+', ' ', t).strip()


def lines(cmd):
    """addr -> normalised 'bytes | text' for every instruction line of cmd's output."""
    out = {}
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                         errors='replace')
    section = ''
    for line in p.stdout:
        if line.startswith('Disassembly of section '):
            section = line.strip()
            continue
        m = LINE.match(line)
        if not m or m.group(3) is None:
            continue  # a continuation line of raw bytes
        out[(section, int(m.group(1), 16))] = norm(m.group(2)) + ' | ' + norm(m.group(3))
    p.wait()
    return out


def mnemonic(t):
    words = t.split(' | ', 1)[-1].split()
    for w in words:
        if w not in PREFIXES and not w.startswith('rex.'):
            return w
    return words[0] if words else '(none)'


def main():
    args = sys.argv[1:]
    cfree = args.pop(0)
    minimum, show, per_file = None, 3, False
    files = []
    while args:
        a = args.pop(0)
        if a == '--min':
            minimum = float(args.pop(0))
        elif a == '--show':
            show = int(args.pop(0))
        elif a == '--per-file':
            per_file = True
        else:
            files.append(a)
    total = equal = 0
    groups = collections.defaultdict(list)
    files = [f for f in files if os.path.isfile(f)]
    for f in files:
        gnu = lines(['objdump', '-d', f])
        ours = lines([cfree, 'objdump', '-d', f])
        n = same = 0
        for key, g in gnu.items():
            n += 1
            o = ours.get(key)
            if o == g:
                same += 1
            else:
                groups[mnemonic(g)].append((f, key[1], g, o))
        for key, o in ours.items():  # lines GNU objdump does not print
            if key not in gnu:
                n += 1
                groups['(extra) ' + mnemonic(o)].append((f, key[1], None, o))
        total += n
        equal += same
        if per_file:
            print('%-50s %8d lines  %8d equal  %7.3f%%' % (f, n, same, 100.0 * same / max(n, 1)))
    pct = 100.0 * equal / max(total, 1)
    print('%d files, %d instruction lines, %d equal: %.3f%%' % (len(files), total, equal, pct))
    for mn, diffs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print('%6d  %s' % (len(diffs), mn))
        for f, addr, g, o in diffs[:show]:
            print('        %s %x' % (f.rsplit('/', 1)[-1], addr))
            print('          gnu:   %s' % g)
            print('          cfree: %s' % o)
    if minimum is not None and pct < minimum:
        print('below the required %.3f%%' % minimum)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
