#!/usr/bin/env bash
# Checks that the C++ sources keep to .clang-format (clang-format 14, Debian's); with --fix,
# rewrites them. ci/test.sh runs the check.
set -euo pipefail
cd "$(dirname "$0")/.."
fmt=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$fmt" ] || { echo "clang-format-14 is missing: run ci/setup.sh" >&2; exit 1; }
mapfile -t files < <(git ls-files 'core/*.cpp' 'core/*.h' 'ui/*.cpp' 'ui/*.h' 'web/*.cpp' 'web/*.h' \
  'tests/*.cpp' 'tests/*.h' 'tools/*.cpp')
if [ "${1:-}" = --fix ]; then
  "$fmt" -i "${files[@]}"
else
  "$fmt" --dry-run --Werror "${files[@]}"
  echo "format: ${#files[@]} files keep to .clang-format"
fi
