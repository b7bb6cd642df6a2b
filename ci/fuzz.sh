#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset `fuzz`, build/fuzz) and runs each one in turn for the
# given seconds (default 600), printing executions per fuzzer. Exits non-zero when one crashes.
#   ci/fuzz.sh [seconds]
#   FUZZERS="progress reply_coder"  run only these
#   FUZZ_RUNS=10000000               also stop each fuzzer after this many executions
# Seeds are written to build/fuzz/seeds from the repository's own files; the growing corpus lives
# in build/fuzz/corpus, crash inputs in build/fuzz/artifacts, full logs in build/fuzz/logs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
out=build/fuzz

extra=()
if command -v ccache >/dev/null; then
  export CCACHE_DIR=${CCACHE_DIR:-${RAPPORT_CACHE:-$HOME/.cache/rapport}/ccache}
  extra+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f "$out/build.ninja" ] || [ ${#extra[@]} -gt 0 ]; then
  cmake --preset fuzz "${extra[@]}" >/dev/null
fi
cmake --build --preset fuzz
"$out/make_seeds" . "$out/seeds"

# Longest input each fuzzer tries: enough for the small complete scenario and session seeds and for
# the coder's 4 KB + 2 KB reading limits, small enough to keep thousands of runs a second.
max_len() {
  case $1 in
    scenario_loader|progress|dialogue_restore|reply_coder) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

fuzzers=${FUZZERS:-$(cat "$out/fuzzers.txt")}
# Fuzzers run side by side, one per core (each is single-threaded); FUZZ_LANES overrides.
lanes=${FUZZ_LANES:-$(nproc)}

# Runs one fuzzer; writes its summary line to $out/logs/<name>.summary; non-zero on a crash.
run_one() {
  local f=$1 bin="$out/${1}_fuzz" log="$out/logs/$1.log" sum="$out/logs/$1.summary"
  mkdir -p "$out/corpus/$f" "$out/artifacts/$f" "$out/logs" "$out/seeds/$f"
  # A fuzzer the build lists but did not produce is a failure, never a silent skip.
  if [ ! -x "$bin" ]; then
    echo "$f (not built)" >"$sum"
    echo "fuzz: $bin was not built" >&2
    return 1
  fi
  local args=(-max_len="$(max_len "$f")" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048
              -print_final_stats=1 -artifact_prefix="$out/artifacts/$f/")
  [ -n "${FUZZ_RUNS:-}" ] && args+=(-runs="$FUZZ_RUNS")
  [ "$f" != reply_coder ] && args+=(-dict=tests/fuzz/json.dict)
  echo "== $f: up to ${seconds}s${FUZZ_RUNS:+ or $FUZZ_RUNS runs}, max_len $(max_len "$f") (log: $log)"
  local start rc=0 took execs rate line
  start=$(date +%s)
  nice -n 10 "$bin" "${args[@]}" "$out/corpus/$f" "$out/seeds/$f" >"$log" 2>&1 || rc=$?
  took=$(( $(date +%s) - start ))
  execs=$(awk -F': ' '/stat::number_of_executed_units/ {print $2}' "$log" | tail -n 1)
  execs=${execs:-$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)}
  execs=${execs:-0}
  rate=$(( took > 0 ? execs / took : execs ))
  line=$(printf '%-18s %12s executions in %6ss (%s/s), corpus %s files' "$f" "$execs" "$took" "$rate" \
           "$(ls "$out/corpus/$f" | wc -l)")
  if [ $rc -ne 0 ]; then
    line+="  CRASH (exit $rc)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz check failed|.*runtime error)' "$log" | head -n 5 || true
    echo "   input saved under $out/artifacts/$f/; add it to tests/data/fuzz-regressions/$f/"
  fi
  echo "$line" >"$sum"
  echo "$line"
  return $rc
}

for f in $fuzzers; do
  rm -f "$out/logs/$f.summary"
  while [ "$(jobs -rp | wc -l)" -ge "$lanes" ]; do wait -n || true; done
  run_one "$f" &
done
wait || true

failed=()
echo
echo "== fuzzing summary"
for f in $fuzzers; do
  line=$(cat "$out/logs/$f.summary" 2>/dev/null || echo "$f (no summary: the run did not finish)")
  echo "$line"
  [[ "$line" == *CRASH* || "$line" == *"not built"* || "$line" == *"no summary"* ]] && failed+=("$f")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}"
  exit 1
fi
echo "fuzz: no crashes"
