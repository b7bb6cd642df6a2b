#!/usr/bin/env bash
# The one test command: installs what is missing, builds native and web, runs every test.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - t0 ))"; }

step "setup"
bash ci/setup.sh

step "code format (.clang-format)"
bash ci/format.sh

step "native build"
bash ci/build.sh native

step "native tests"
(cd build/native && ctest --output-on-failure -j2 --timeout 600)

step "scenario lint"
build/native/rapport lint scenarios/
build/native/rapport lint --stats scenarios/

if [ -f tests/browser/schema-check.mjs ]; then
  step "scenario schema (ajv)"
  node tests/browser/schema-check.mjs
fi

step "native tests under AddressSanitizer and UBSan"
bash ci/sanitize.sh

step "fuzzing, bounded (ci/fuzz.sh runs longer)"
FUZZ_SECONDS=${FUZZ_SECONDS:-12} bash ci/fuzz-short.sh

step "web build"
bash ci/build.sh web

step "browser tests"
bash ci/browser-tests.sh

if [ -x build/native/rapport_bench ]; then
  step "benchmarks (figures, not pass/fail)"
  build/native/rapport_bench --benchmark_min_time=0.2 --benchmark_counters_tabular=true
fi

step "sizes"
for f in build/web/site/*; do
  printf '%-28s %9d bytes raw %9d bytes gzip\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
step "all tests passed"
