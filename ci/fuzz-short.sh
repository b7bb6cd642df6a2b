#!/usr/bin/env bash
# A bounded fuzzing pass for CI: every fuzzer for FUZZ_SECONDS seconds (default 30) through
# ci/fuzz.sh (which builds build/fuzz and writes the seeds). Exits non-zero when one crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash ci/fuzz.sh "${FUZZ_SECONDS:-30}"
