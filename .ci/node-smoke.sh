#!/usr/bin/env bash
# Start-up smoke test under the `node` on PATH: start the built server (web + worker, embedded PGlite, no demo)
# on a fresh data dir and a free port, expect GET /healthz 200 within 90 s, stop it with SIGTERM.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
echo "node $(node --version): server on port $port, data in $dir"
DATA_DIR="$dir" PORT="$port" HOST=127.0.0.1 DEMO=false DEMO_CONTENT=false LOG_LEVEL=warn \
  node node_modules/tsx/dist/cli.mjs src/server/main.ts >"$dir/server.log" 2>&1 &
pid=$!
status=000
for _ in $(seq 1 90); do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)
  [ "$status" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
kill -TERM "$pid" 2>/dev/null
wait "$pid"
code=$?
if [ "$status" != 200 ]; then
  echo "GET /healthz answered $status; server log:"
  tail -n 40 "$dir/server.log"
  rm -rf "$dir"
  exit 1
fi
echo "GET /healthz 200; server stopped (exit $code)"
rm -rf "$dir"
