#!/usr/bin/env bash
# A real LRS for the push test: Learning Locker's statement service (npm xapi-statements 5.0.1)
# with in-memory models, local storage and its test auth, on a free local port. Installed once
# into the build folder (with the xapi-validation checker); state in STATE_DIR.
# Usage: lrs_service.sh start|stop STATE_DIR
set -euo pipefail
cmd="$1" state="$2"
npm_dir="$state/npm"
if [ "$cmd" = stop ]; then
  if [ -f "$state/pid" ]; then kill "$(cat "$state/pid")" 2>/dev/null || true; rm -f "$state/pid"; fi
  exit 0
fi
mkdir -p "$npm_dir" "$state/run"
if [ ! -d "$npm_dir/node_modules/xapi-statements" ] || [ ! -d "$npm_dir/node_modules/xapi-validation" ]; then
  # It declares Node 6-8 engines; it runs on today's Node (the engine warning is expected).
  npm install --silent --no-audit --no-fund --prefix "$npm_dir" xapi-statements@5.0.1 xapi-validation@2.1.4 \
    > "$state/npm-install.log" 2>&1 || { cat "$state/npm-install.log"; exit 1; }
fi
if [ -f "$state/pid" ]; then kill "$(cat "$state/pid")" 2>/dev/null || true; fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cd "$state/run"
EXPRESS_PORT="$port" AUTH_REPO=test MODELS_REPO=memory STORAGE_REPO=local EVENTS_REPO=test \
  FS_LOCAL_STORAGE_DIR="$state/run/storage" EXPRESS_MORGAN_DIRECTORY="$state/run/logs" \
  WINSTON_CONSOLE_LEVEL=warn NODE_NO_WARNINGS=1 \
  setsid node "$npm_dir/node_modules/xapi-statements/dist/index.js" > "$state/lrs.log" 2>&1 < /dev/null &
echo $! > "$state/pid"
for _ in $(seq 100); do
  if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
       "http://127.0.0.1:$port/xAPI/about" 2>/dev/null; then
    echo "http://127.0.0.1:$port/xAPI" > "$state/url"
    echo "LRS at http://127.0.0.1:$port/xAPI"
    exit 0
  fi
  sleep 0.1
done
echo "the LRS did not start:"; cat "$state/lrs.log"; exit 1
