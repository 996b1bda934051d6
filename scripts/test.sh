#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it on a laptop and in CI. Every step runs; the last line
# sums them up, and the exit status is non-zero when any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
JEST=(node --experimental-vm-modules node_modules/jest/bin/jest.js)

summary=()
failures=0
passed=0
skipped=0
step() {
  local name=$1
  shift
  printf '\n▶ %s\n' "$name"
  local started=$SECONDS
  if "$@"; then
    summary+=("✔ $name ($((SECONDS - started)) s)")
    passed=$((passed + 1))
  else
    summary+=("✘ $name")
    failures=$((failures + 1))
  fi
}
skip() {
  summary+=("– $1: skipped, $2")
  skipped=$((skipped + 1))
  printf '\n– %s: skipped, %s\n' "$1" "$2"
}

# PostgreSQL: TEST_DATABASE_URL, else the local server at the default address. The tests only create and
# drop databases of their own on it (the database-fault tests stop a throwaway cluster of their own).
postgres_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
postgres_where=$(printf '%s' "$postgres_url" | sed -E 's#^[a-z]+://([^@/]*@)?([^/?]*).*#\2#')
postgres=''
if probe=$(node scripts/postgres-probe.js "$postgres_url"); then
  export TEST_DATABASE_URL=$postgres_url
  postgres="$probe ($postgres_where)"
  printf 'Using %s for the steps that need PostgreSQL.\n' "$postgres"
fi
no_postgres="no PostgreSQL answers at $postgres_where (${probe:-}); start one or set TEST_DATABASE_URL"

step 'format' prettier --check --log-level warn .
step 'lint' eslint --max-warnings 0 .
step 'typecheck' tsc -p tsconfig.json --noEmit
step 'build' node scripts/build.js
step 'migrations match the entities' node dist/src/cli/migration-cli.js check
step 'unit and contract tests' "${JEST[@]}" -c test/jest.unit.config.js
step 'e2e on PGlite' "${JEST[@]}" -c test/jest.e2e.config.js

if [ -n "$postgres" ]; then
  step "e2e on $postgres" env TEST_DB=postgres "${JEST[@]}" -c test/jest.e2e.config.js
elif [ -z "${TEST_DATABASE_URL:-}" ] && docker info >/dev/null 2>&1; then
  step 'e2e on PostgreSQL 17 (Testcontainers)' env TEST_DB=postgres "${JEST[@]}" -c test/jest.e2e.config.js
else
  skip 'e2e on PostgreSQL' "$no_postgres"
fi

if [ -x "${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}/pg_basebackup" ]; then step 'read replicas and Citus-ready SQL (own primary and replica)' "${JEST[@]}" -c test/jest.replication.config.js; else skip 'read replicas and Citus-ready SQL' 'no PostgreSQL server binaries (set PG_BIN)'; fi

chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chromium_path" ]; then
  step 'browser (Swagger UI in Chromium)' "${JEST[@]}" -c test/jest.browser.config.js
else
  skip 'browser (Swagger UI in Chromium)' "no Chromium at $chromium_path (apt-get install chromium; CI installs it)"
fi

if [ -n "$postgres" ]; then
  step 'reliability (bounded)' npm run test:reliability
else
  skip 'reliability (bounded)' "$no_postgres"
fi
step 'no secrets in the repository (secretlint)' secretlint '**/*'
step 'no install scripts but node' node scripts/check-install-scripts.js
step 'Dockerfile lint' bash -c 'dockerfilelint Dockerfile && dockerfile-utils lint Dockerfile'
step 'production install starts' bash scripts/check-production-install.sh
if [ -n "$postgres" ]; then
  step 'benchmarks (quick, no thresholds)' npm run bench -- --quick
else
  skip 'benchmarks (quick, no thresholds)' "$no_postgres"
fi

printf '\n'; printf '%s\n' "${summary[@]}"
printf '\nSUMMARY: %d passed, %d failed, %d skipped\n' "$passed" "$failures" "$skipped"
exit $((failures > 0))
