#!/usr/bin/env python3
"""gen.py: a differential test of _Complex arithmetic (complex-diff.test).

Writes a C program to stdout that applies + - * / (complex with complex,
complex with real, real with complex), == !=, unary - and ~, !, ?:,
conversions to every other complex type and compound assignment to random
values of every complex type (float, double, long double and GNU integer
complex of 1, 2, 4 and 8 bytes), printing each result exactly (%La).
Operands are read from volatile copies so that gcc computes at run time
too (gcc folds constant integer complex quotients differently).  The
program built by cfree must print what the gcc build prints.
Usage: gen.py SEED > t.c
"""
import random, sys

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
types = {
 'cf': ('_Complex float', 'float'), 'cd': ('_Complex double', 'double'), 'cld': ('_Complex long double', 'long double'),
 'ci': ('_Complex int', 'int'), 'cuc': ('_Complex unsigned char', 'unsigned char'), 'cs': ('_Complex short', 'short'),
 'cl': ('_Complex long', 'long'), 'cu': ('_Complex unsigned', 'unsigned'),
}
reals = ['int', 'double', 'float', 'long double', 'unsigned', 'char', 'long']
out = ['#include <stdio.h>', '#include <string.h>']
out.append('static void pr(const char*tag, long double r, long double i){ printf("%s %La %La\\n", tag, r, i); }')
for k,(t,e) in types.items():
    out.append(f'typedef {t} {k};')
    out.append(f'static void p_{k}(const char*tag, {k} z){{ pr(tag, __real__ z, __imag__ z); }}')
def val(e):
    if e in ('float','double','long double'):
        return random.choice(['0.0','-0.0','1.5','-2.25','3.0','100.0','-7.5','0.1','2'])
    if e.startswith('unsigned') : return str(random.randint(0, 20))
    return str(random.randint(-9, 9))
body = []
n = 0
for k,(t,e) in types.items():
    for it in range(6):
        ops = ['+','-','*','/'] 
        for op in ops:
            for mix in ['cc','cr','rc']:
                rt = random.choice(reals)
                a = f'({k})({val(e)} + {val(e)}*1.0i)' if 'f' in k or 'd' in k else f'({k})({val(e)} + {val(e)}i)'
                if mix[0]=='r': a = f'({rt}){val(rt)}'
                b = f'({k})({val(e)} + {val(e)}*1.0i)' if 'f' in k or 'd' in k else f'({k})({val(e)} + {val(e)}i)'
                if mix[1]=='r': b = f'({rt}){val(rt)}'
                isint = not ('f' in k or 'd' in k)
                n += 1
                body.append(f'  {{ volatile __typeof__({a}) x0 = {a}; volatile __typeof__({b}) y0 = {b}; __typeof__({a}) x = x0; __typeof__({b}) y = y0; volatile int guard = 1;')
                if op == '/' and isint:
                    body.append(f'    if (y == 0) guard = 0;')
                body.append(f'    if (guard) {{ __typeof__(x {op} y) r = x {op} y; pr("t{n} {k}{mix}{op}", __real__ r, __imag__ r); }}')
                body.append(f'    printf("e{n} %d %d\\n", x == y, x != y); }}')
        # unary, conversions, compound
        n += 1
        body.append(f'  {{ {k} z = ({k}){val(e)}; __imag__ z = {val(e)}; p_{k}("u{n}", -z); p_{k}("c{n}", ~z); printf("b{n} %d %d\\n", !z, z ? 1 : 0);')
        for k2 in types:
            # (a float outside an integer type's range converts to an
            # unspecified value: no floating -> unsigned integer complex)
            if e in ('float', 'double', 'long double') and k2 in ('cuc', 'cu'): continue
            body.append(f'    p_{k2}("v{n}{k2}", ({k2})z); ')
        body.append(f'    {k} w = z; w += 2; w *= z; w -= ({k})1; p_{k}("w{n}", w); }}')
out.append('int main(void) {')
out += body
out.append('  return 0;\n}')
print('\n'.join(out))
