#!/usr/bin/env bash
# Runs every browser test (tests/browser/*.test.mjs) against build/web/site; ci/test.sh calls it
# after the web build. Exits non-zero when any test failed, after all of them ran.
#   BROWSER_LANES=1  one test at a time (default: two at once, the longest first)
# Tests that time frames or pauses (pacing, idle frames) run alone after the others, so that a
# second browser never slows the thing they measure. Each test's output is printed whole when it
# ends, with its time.
set -euo pipefail
cd "$(dirname "$0")/.."
logs=build/test-artifacts/logs
mkdir -p "$logs"
alone=(pacing delivery)
longest_first=(layout studio typing scorm-policy map scorm followup lms-devices)
shared=()
for name in "${longest_first[@]}"; do [ -f "tests/browser/$name.test.mjs" ] && shared+=("tests/browser/$name.test.mjs"); done
for t in tests/browser/*.test.mjs; do
  name=$(basename "$t" .test.mjs)
  [[ " ${alone[*]} " == *" $name "* || " ${shared[*]} " == *" $t "* ]] || shared+=("$t")
done
serial=()
for name in "${alone[@]}"; do [ -f "tests/browser/$name.test.mjs" ] && serial+=("tests/browser/$name.test.mjs"); done

export logs
run_tests() {  # lanes, then the test files
  local lanes=$1
  shift
  printf '%s\n' "$@" | xargs -P "$lanes" -I{} bash -c '
    t="$1"; log="$logs/$(basename "$t").log"; start=$(date +%s)
    if node "$t" >"$log" 2>&1; then status=ok; else status=FAILED; fi
    { echo "-- $t ($status, $(( $(date +%s) - start )) s)"; cat "$log"; } >&2
    [ "$status" = ok ]' _ {}
}
failed=0
run_tests "${BROWSER_LANES:-2}" "${shared[@]}" || failed=1
run_tests 1 "${serial[@]}" || failed=1
if [ $failed -ne 0 ]; then
  echo "browser tests: at least one failed (logs in $logs)" >&2
  exit 1
fi
