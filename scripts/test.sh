#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it on a laptop and in CI. Every step runs; the last line
# sums them up, and the exit status is non-zero when any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
JEST=(node --experimental-vm-modules node_modules/jest/bin/jest.js)

summary=()
failures=0
step() {
  local name=$1
  shift
  printf '\n▶ %s\n' "$name"
  local started=$SECONDS
  if "$@"; then
    summary+=("✔ $name ($((SECONDS - started)) s)")
  else
    summary+=("✘ $name")
    failures=$((failures + 1))
  fi
}
skip() { summary+=("– $1: skipped, $2"); printf '\n– %s: skipped, %s\n' "$1" "$2"; }

step 'format' prettier --check --log-level warn .
step 'lint' eslint --max-warnings 0 .
step 'typecheck' tsc -p tsconfig.json --noEmit
step 'build' nest build
step 'migrations match the entities' node dist/src/database/migration-cli.js check
step 'unit and contract tests' "${JEST[@]}" -c test/jest.unit.config.js
step 'e2e on PGlite' "${JEST[@]}" -c test/jest.e2e.config.js

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step 'e2e on PostgreSQL' env TEST_DB=postgres "${JEST[@]}" -c test/jest.e2e.config.js
elif docker info >/dev/null 2>&1; then
  step 'e2e on PostgreSQL 17 (Testcontainers)' env TEST_DB=postgres "${JEST[@]}" -c test/jest.e2e.config.js
else
  skip 'e2e on PostgreSQL' 'set TEST_DATABASE_URL (or run a Docker engine) to run it; ran on PGlite only'
fi

if [ -x "${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}/pg_basebackup" ]; then step 'read replicas and Citus-ready SQL (own primary and replica)' "${JEST[@]}" -c test/jest.replication.config.js; else skip 'read replicas and Citus-ready SQL' 'no PostgreSQL server binaries (set PG_BIN)'; fi

chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chromium_path" ]; then
  step 'browser (Swagger UI in Chromium)' "${JEST[@]}" -c test/jest.browser.config.js
else
  skip 'browser (Swagger UI in Chromium)' "no Chromium at $chromium_path (apt-get install chromium; CI installs it)"
fi

step 'reliability (bounded)' npm run test:reliability
step 'no secrets in the repository (secretlint)' secretlint '**/*'
step 'no install scripts but node' node scripts/check-install-scripts.js
step 'Dockerfile lint' bash -c 'dockerfilelint Dockerfile && dockerfile-utils lint Dockerfile'
step 'production install starts' bash scripts/check-production-install.sh
step 'benchmarks (quick, no thresholds)' npm run bench -- --quick

printf '\n'; printf '%s\n' "${summary[@]}"
total=${#summary[@]}
if [ "$failures" -eq 0 ]; then
  printf '\nSUMMARY: all %d steps passed\n' "$total"
else
  printf '\nSUMMARY: %d of %d steps failed\n' "$failures" "$total"
fi
exit $((failures > 0))
