#!/usr/bin/env bash
# Browser benchmark: builds the web app (ci/build.sh web) and a minimal Dear ImGui hello page with
# the same toolchain and flags (tests/bench/hello -> build/bench-hello/site), then measures both in
# headless Chromium in one run (tests/bench/browser-bench.mjs): transfer size, first frame, idle
# frames, frame CPU while playing, wasm heap, cold loads under slow-4G emulation from a host that
# does not compress and from a gzip host (bytes_on_wire, slow4g_first_frame_ms and the hello's),
# warm loads (tests/bench/network-bench.mjs), plus the native coder's replies per second from
# build/native/rapport_bench (built here; or $RAPPORT_BENCH). Figures, not pass/fail; the last line
# of output is `key=value ...`. Extra arguments go to the Node script (e.g. --loads 3 --net-loads 3).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

bash ci/setup.sh >&2
bash ci/build.sh web >&2
[ -n "${RAPPORT_BENCH:-}" ] || bash ci/build.sh native rapport_bench >&2

hello=build/bench-hello
imgui=()
[ -n "${IMGUI_DIR:-}" ] && imgui=("-DIMGUI_DIR=$IMGUI_DIR")
if [ ! -f "$hello/build.ninja" ]; then
  cmake -S tests/bench/hello -B "$hello" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
    -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake "${imgui[@]}" >&2
fi
cmake --build "$hello" >&2

node tests/bench/browser-bench.mjs "$@"
