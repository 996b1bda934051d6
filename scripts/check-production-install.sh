#!/usr/bin/env bash
# What the Dockerfile's production stage does, without Docker: the built app with production
# dependencies only (`npm ci --omit=dev`) must start and become ready on the embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
node_bin="$PWD/node_modules/node/bin/node"
stage=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$stage"' EXIT
cp package.json package-lock.json "$stage/"
cp -r dist "$stage/dist"
(cd "$stage" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null)
port=$((20000 + RANDOM % 20000))
(cd "$stage" && NODE_ENV=production PORT=$port HOST=127.0.0.1 SCOREKEEPER_DATA_DIR=memory:// LOG_LEVEL=warn "$node_bin" dist/src/main.js) &
pid=$!
for _ in $(seq 60); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
    echo "production install ready on port $port"
    exit 0
  fi
  sleep 0.5
done
echo "the production install did not become ready" >&2
exit 1
