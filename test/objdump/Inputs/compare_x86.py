#!/usr/bin/env python3
"""Differential check of cfree's x86-64 encoder and disassembler.

usage: compare_x86.py CORPUS   (CORPUS.o/.txt/.s from cfree-x86-corpus)

1. GNU objdump -d on cfree's bytes (CORPUS.o) must print, instruction by
   instruction, the same text as cfree's disassembler (CORPUS.txt), after
   whitespace normalisation.
2. GNU as on cfree's text (CORPUS.s, branches left out) must produce the
   same bytes as cfree's encoder, instruction by instruction.
Prints each difference and a summary; exits 1 if there is any.
"""
import re
import subprocess
import sys


def norm(t):
    t = t.split('#')[0] if '#' in t and '<' not in t.split('#')[-1] else t
    return re.sub(r'\s+', ' ', t).strip()


def objdump(path):
    out = subprocess.run(['objdump', '-d', '-w', path], check=True, capture_output=True,
                         text=True).stdout
    insns = []
    for line in out.splitlines():
        m = re.match(r'^\s*([0-9a-f]+):\t((?:[0-9a-f]{2} )+)\s*\t?(.*)$', line)
        if not m:
            continue
        insns.append((m.group(2).strip(), norm(m.group(3))))
    return insns


def main():
    base = sys.argv[1]
    ours = []
    for line in open(base + '.txt'):
        b, t = line.rstrip('\n').split('\t', 1)
        ours.append((b, norm(t)))
    bad = 0
    theirs = objdump(base + '.o')
    if len(theirs) != len(ours):
        print('objdump decoded %d instructions, cfree %d' % (len(theirs), len(ours)))
        bad += 1
    for (ob, ot), (gb, gt) in zip(ours, theirs):
        if ob != gb:
            print('DESYNC at cfree %s / objdump %s' % (ob, gb))
            bad += 1
            break
        if ot != gt:
            print('TEXT  %-30s cfree: %-40s objdump: %s' % (ob, ot, gt))
            bad += 1
    r = subprocess.run(['as', '--64', base + '.s', '-o', base + '.gas.o'], capture_output=True,
                       text=True)
    if r.returncode != 0:
        print('GNU as rejected cfree text:\n' + r.stderr)
        return 1
    gas = objdump(base + '.gas.o')
    nonbranch = [x for x in ours if not re.match(r'^(j\w+|call|jmp|loop\w*|xbegin) [0-9a-f]+ <', x[1])]
    if len(gas) != len(nonbranch):
        print('GNU as produced %d instructions, expected %d' % (len(gas), len(nonbranch)))
        bad += 1
    for (ob, ot), (gb, gt) in zip(nonbranch, gas):
        if ob != gb:
            print('BYTES %-40s cfree: %-30s gas: %s' % (ot, ob, gb))
            bad += 1
    print('%d instructions compared, %d differences' % (len(ours), bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
