#!/usr/bin/env bash
# Installs what is missing, builds the web app and serves it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
bash ci/build.sh web
port=${PORT:-8080}
echo "Open http://127.0.0.1:$port/ in a browser."
exec node web/serve.mjs build/web/site "$port"
