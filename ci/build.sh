#!/usr/bin/env bash
# Builds one preset (native or web) incrementally, all of it or the named targets; used by
# ci/test.sh, ci/serve.sh and ci/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:?usage: ci/build.sh native|web [target...]}
shift
targets=()
[ $# -gt 0 ] && targets=(--target "$@")
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
extra=()
[ -n "${IMGUI_DIR:-}" ] && extra+=("-DIMGUI_DIR=$IMGUI_DIR")
if [ "$preset" = native ] && command -v ccache >/dev/null; then
  export CCACHE_DIR=${CCACHE_DIR:-${RAPPORT_CACHE:-$HOME/.cache/rapport}/ccache}
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}  # worktrees and clones share cache hits
  extra+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f "build/$preset/build.ninja" ] || [ CMakePresets.json -nt "build/$preset/build.ninja" ] || [ ${#extra[@]} -gt 0 ]; then
  cmake --preset "$preset" "${extra[@]}" >/dev/null
fi
cmake --build --preset "$preset" "${targets[@]}"
