#!/usr/bin/env bash
# run.sh: build the libFuzzer harnesses of test/fuzz and run each for a while.
#
#   test/fuzz/run.sh [SECONDS] [TARGET...]      (default 120 s; targets cc obj ar as exe)
#
# Environment: BUILD (build dir, default <src>/build-fuzz), WORK (corpora,
# crashes and logs, default /tmp/cfree-fuzz), JOBS (ninja -j, default 2),
# CORPUS (the fetched differential corpus, default /tmp/corpus).
# The build is separate from the normal one: clang-14 with
# -fsanitize=fuzzer,address,undefined (CFREE_FUZZ=ON).  Seed corpora are made
# on the first run from the torture suite (cc), gcc outputs (obj, as, exe), GNU
# ar (ar) and test/as; each target's corpus grows in WORK/<target>/corpus.
# Crash, leak and timeout reproducers land in WORK/<target>/ as
# crash-*/leak-*/timeout-*; a summary line per target is printed at the end.
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${1:-120}
shift || true
TARGETS=${*:-cc obj ar as exe}
BUILD=${BUILD:-$SRC/build-fuzz}
WORK=${WORK:-/tmp/cfree-fuzz}
JOBS=${JOBS:-2}
CORPUS=${CORPUS:-/tmp/corpus}

cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Fuzz -DCMAKE_CXX_FLAGS_FUZZ="-O1 -gline-tables-only" \
  -DCMAKE_C_FLAGS_FUZZ="-O1 -gline-tables-only" \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCFREE_FUZZ=ON -DCFREE_TESTS=OFF >/dev/null || exit 1
ninja -C "$BUILD" -j"$JOBS" $(for t in $TARGETS; do echo "test/fuzz/fuzz-$t"; done) || exit 1

# ---- seed corpora (once) ----
seed() {  # seed TARGET: fill WORK/TARGET/seeds if empty
  local t=$1 d=$WORK/$1/seeds tmp
  [ -n "$(ls -A "$d" 2>/dev/null)" ] && return
  mkdir -p "$d"
  tmp=$(mktemp -d)
  case $t in
    cc)
      ls "$CORPUS"/gcc-testsuite/gcc.c-torture/execute/*.c 2>/dev/null | head -400 |
        xargs -r cp -t "$d"
      cp "$SRC"/test/pp/*.c "$SRC"/test/c/*.c "$d" 2>/dev/null ;;
    obj|as)
      local n=0
      for f in $(ls "$CORPUS"/gcc-testsuite/gcc.c-torture/execute/*.c 2>/dev/null | head -60); do
        n=$((n + 1))
        if [ "$t" = obj ]; then
          gcc -w -O1 -g -c "$f" -o "$d/g$n.o" 2>/dev/null
          [ $((n % 4)) = 0 ] && gcc -w -O2 -fPIC -c "$f" -o "$d/p$n.o" 2>/dev/null
        else
          gcc -w -O1 -S "$f" -o "$d/g$n.s" 2>/dev/null
        fi
      done
      [ "$t" = as ] && cp "$SRC"/test/as/*.s "$SRC"/test/as/Inputs/*.s "$d" 2>/dev/null ;;
    ar)
      local i=0
      for f in $(ls "$CORPUS"/gcc-testsuite/gcc.c-torture/execute/*.c 2>/dev/null | head -24); do
        i=$((i + 1)); gcc -w -c "$f" -o "$tmp/m$i.o" 2>/dev/null
      done
      (cd "$tmp" && ar rcs "$d/a1.a" m1.o m2.o m3.o && ar rcS "$d/a2.a" m4.o m5.o &&
        cp m6.o a_very_long_member_name_for_the_gnu_table.o &&
        ar rcs "$d/a3.a" a_very_long_member_name_for_the_gnu_table.o m7.o &&
        ar rc "$d/a4.a" m8.o m9.o m10.o m11.o && ar rcsD "$d/a5.a" m12.o &&
        ar rcs "$d/a6.a" m1[3-9].o) 2>/dev/null
      cp "$SRC"/test/ar/Inputs/*.a "$d" 2>/dev/null ;;
    exe)
      printf 'int main(void){return 0;}\n' > "$tmp/a.c"
      printf 'int f(int x){return x+1;}\nint g;\n' > "$tmp/s.c"
      printf '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n' > "$tmp/h.c"
      gcc -O1 "$tmp/a.c" -o "$d/a-pie"; gcc -O1 -no-pie "$tmp/a.c" -o "$d/a-nopie"
      gcc -O1 -static "$tmp/a.c" -o "$tmp/static" && head -c 200000 "$tmp/static" > "$d/static-head"
      gcc -O1 "$tmp/h.c" -o "$d/h-pie"; gcc -O1 -s "$tmp/h.c" -o "$d/h-stripped"
      gcc -O1 -shared -fPIC "$tmp/s.c" -o "$d/s.so"
      gcc -O1 -shared -fPIC -Wl,-soname,libs.so.1 "$tmp/s.c" -o "$d/s1.so" ;;
  esac
  rm -rf "$tmp"
}

summary=()
for t in $TARGETS; do
  seed "$t"
  dir=$WORK/$t
  mkdir -p "$dir/corpus"
  log=$dir/fuzz.log
  # -timeout: one input must not take more than 10 s; -rss_limit_mb: nor
  # more than 2 GB.  A single huge request (".zero 99999999999") is not a
  # crash: ASan returns NULL, libcfree reports "out of memory"
  # (allocator_may_return_null, and no -malloc_limit_mb below the sizes asked).
  t0=$SECONDS
  (cd "$dir" && ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=1 \
     "$BUILD/test/fuzz/fuzz-$t" -max_total_time="$SECS" -timeout=10 \
     -rss_limit_mb=2048 -malloc_limit_mb=1000000 -max_len=65536 -print_final_stats=1 \
     -artifact_prefix="$dir/" corpus seeds) >"$log" 2>&1
  rc=$?
  took=$((SECONDS - t0))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  arts=$(ls "$dir" | grep -cE '^(crash|leak|timeout|oom|slow-unit)-')
  status=ok
  [ $rc -ne 0 ] && status="FAILED (exit $rc, see $log)"
  line="fuzz-$t: ${took}s, ${execs:-0} execs, ${cov:-cov: ?}, corpus $(ls "$dir/corpus" | wc -l), artifacts $arts: $status"
  echo "$line"
  summary+=("$line")
done
echo "---- summary ----"
printf '%s\n' "${summary[@]}"
