"""Print the linker command line gcc would run (collect2's arguments, minus the
LTO plugin options) for the given gcc link arguments, so `cfree ld`, GNU ld and
lld can be run on exactly gcc's inputs: crtbeginS.o, libgcc, --push-state...

usage: gcc_ld_args.py GCC-ARGS...
"""
import subprocess,sys,shlex
out=subprocess.run(["gcc","-###"]+sys.argv[1:],capture_output=True,text=True).stderr
line=[l for l in out.splitlines() if "collect2" in l][0]
a=shlex.split(line)[1:]
r=[];i=0
while i<len(a):
    if a[i]=="-plugin": i+=2; continue
    if a[i].startswith("-plugin-opt"): i+=1; continue
    r.append(a[i]); i+=1
print(shlex.join(r))
