#!/usr/bin/env bash
# Builds the native-asan preset (AddressSanitizer + UBSan, Debug) and runs every test there,
# ImGui screen tests included. Exits non-zero on a build failure, a test failure or a sanitizer
# report. Extra arguments go to ctest (e.g. -R BadInput).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=native-asan
extra=()
[ -n "${IMGUI_DIR:-}" ] && extra+=("-DIMGUI_DIR=$IMGUI_DIR")
if command -v ccache >/dev/null; then
  export CCACHE_DIR=${CCACHE_DIR:-${RAPPORT_CACHE:-$HOME/.cache/rapport}/ccache}
  extra+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f "build/$preset/build.ninja" ] || [ ${#extra[@]} -gt 0 ]; then
  cmake --preset "$preset" "${extra[@]}" >/dev/null
fi
cmake --build --preset "$preset"

# Any sanitizer report fails the test that triggered it; leaks are reported at exit.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "build/$preset"
ctest --output-on-failure -j2 --timeout 900 "$@"
echo "sanitize: all tests passed under ASan + UBSan"
