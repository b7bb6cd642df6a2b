#!/usr/bin/env bash
# Installs what Rapport's builds and tests need, and only what is missing. Idempotent; runs as
# root or through sudo. Third-party sources (Dear ImGui) go to a cache outside the tree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${RAPPORT_CACHE:-$HOME/.cache/rapport}
mkdir -p "$cache"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

# Debian packages. node/npm count as present when the commands exist (the machine may carry a
# newer Node.js than Debian's); everything else is checked by package name.
want=(cmake ninja-build g++ make clang-14 clang-format-14 libclang-rt-14-dev emscripten binaryen dpkg-dev
      nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev chromium
      fonts-inter fonts-dejavu-core python3 python3-fonttools gzip zopfli node-terser zip unzip ca-certificates ccache)
command -v node >/dev/null || want+=(nodejs)
command -v npm >/dev/null || want+=(npm)
missing=()
for p in "${want[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Dear ImGui 1.90.1 from Debian 13's source package, through a private apt folder that leaves the
# machine's apt configuration alone.
imgui_dir="$cache/imgui-1.90.1"
if [ ! -f "$imgui_dir/imgui.h" ]; then
  echo "setup: fetching Dear ImGui 1.90.1 sources (Debian trixie source package)"
  apt_dir="$cache/apt-trixie"
  rm -rf "$apt_dir" && mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/parts"
  src=/etc/apt/sources.list.d/debian.sources
  uri=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' "$src")
  key=$(awk '/^Signed-By:/ {print $2; exit}' "$src")
  uri=${uri:-http://deb.debian.org/debian}
  key=${key:-/usr/share/keyrings/debian-archive-keyring.gpg}
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' "$uri" "$key" \
    > "$apt_dir/parts/trixie-src.sources"
  opts=(-o APT::Sandbox::User=root -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/parts"
        -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache")
  apt-get "${opts[@]}" update -qq
  work="$cache/imgui-src" && rm -rf "$work" && mkdir -p "$work"
  (cd "$work" && apt-get "${opts[@]}" source -qq imgui=1.90.1* >/dev/null 2>&1 \
     || apt-get "${opts[@]}" source -qq imgui >/dev/null)
  got=$(find "$work" -maxdepth 2 -name imgui.h -printf '%h\n' | head -n 1)
  [ -n "$got" ] || { echo "setup: could not unpack the imgui source package" >&2; exit 1; }
  grep -q 'IMGUI_VERSION *"1.90.1"' "$got/imgui.h" || echo "setup: warning: fetched imgui is not 1.90.1" >&2
  rm -rf "$imgui_dir" && mv "$got" "$imgui_dir" && rm -rf "$work"
fi

# Node packages for the browser tests, from the committed lock file.
if [ -f "$root/tests/browser/package-lock.json" ]; then
  lock_sum=$(sha256sum "$root/tests/browser/package-lock.json" | cut -c1-16)
  if [ ! -f "$root/tests/browser/node_modules/.rapport-$lock_sum" ]; then
    echo "setup: installing browser-test packages"
    (cd "$root/tests/browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
    touch "$root/tests/browser/node_modules/.rapport-$lock_sum"
  fi
fi
# Node packages the site ships (fflate for the studio's SCORM export), from the committed lock file.
lock_sum=$(sha256sum "$root/web/package-lock.json" | cut -c1-16)
if [ ! -f "$root/web/node_modules/.rapport-$lock_sum" ]; then
  echo "setup: installing the site's packages"
  (cd "$root/web" && npm ci --no-audit --no-fund --silent)
  touch "$root/web/node_modules/.rapport-$lock_sum"
fi
echo "setup: ready (imgui at $imgui_dir)"
