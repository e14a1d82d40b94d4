#!/usr/bin/env bash
# torture-cc.sh: lets ../shared/corpus/torture.sh measure `cfree run`.
# torture.sh "compiles" with   torture-cc.sh FLAGS -w -o t.exe test.c -lm
# and runs t.exe; here t.exe is a script that compiles and runs the test with
# `cfree run` (same flags), so every torture test goes through the JIT.
#   CFREE=/path/to/cfree ../shared/corpus/torture.sh test/run/torture-cc.sh
set -u
CFREE=${CFREE:-cfree}
out=a.out
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift 2;;
    -o*) out=${1#-o}; shift;;
    *) args+=("$1"); shift;;
  esac
done
# Relative file arguments become absolute so the script runs from anywhere.
fixed=()
for a in "${args[@]}"; do
  if [ -e "$a" ] && [ "${a#/}" = "$a" ]; then fixed+=("$PWD/$a"); else fixed+=("$a"); fi
done
{ printf '#!/bin/sh\nexec %q run' "$CFREE"; printf ' %q' "${fixed[@]}"; printf ' -- "$@"\n'; } > "$out"
chmod +x "$out"
