#!/usr/bin/env bash
# Runs every browser test (tests/browser/*.test.mjs) against build/web/site; ci/test.sh calls it
# after the web build. Exits non-zero when any test failed, after all of them ran.
set -euo pipefail
cd "$(dirname "$0")/.."
# One at a time by default; BROWSER_LANES=2 runs two at once (on two cores that saved about 10%
# and made timing-sensitive tests less predictable), the longest first so that lanes end
# together. Each test's output is printed whole when it ends.
logs=build/test-artifacts/logs
mkdir -p "$logs"
longest_first=(layout delivery typing scorm-policy map scorm)
order=()
for name in "${longest_first[@]}"; do [ -f "tests/browser/$name.test.mjs" ] && order+=("tests/browser/$name.test.mjs"); done
for t in tests/browser/*.test.mjs; do
  [[ " ${order[*]} " == *" $t "* ]] || order+=("$t")
done
export logs
if ! printf '%s\n' "${order[@]}" | xargs -P "${BROWSER_LANES:-1}" -I{} bash -c '
  t="$1"; log="$logs/$(basename "$t").log"
  if node "$t" >"$log" 2>&1; then status=ok; else status=FAILED; fi
  { echo "-- $t ($status)"; cat "$log"; } >&2
  [ "$status" = ok ]' _ {}; then
  echo "browser tests: at least one failed (logs in $logs)" >&2
  exit 1
fi
