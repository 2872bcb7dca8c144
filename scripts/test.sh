#!/usr/bin/env bash
# The whole suite, as CI runs it: lint, format, type-check, the console's API types/type-check/component tests,
# build, migration check, unit, e2e, fault and browser tests.
# Needs PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and Redis
# (TEST_REDIS_URL, default redis://127.0.0.1:6379); .ci/run starts them when they are not running.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

step "dependencies (npm ls: nothing missing, invalid or extraneous)"
# npm audit needs an advisory service these machines cannot reach; see the README for running it elsewhere.
# (`a && b` would not stop a set -e script when `a` fails: say it with `||`)
npm ls --all >/dev/null || { echo "npm ls found missing, invalid or extraneous packages" >&2; exit 1; }
echo "dependency tree is clean"
step "lint (eslint, type-aware, import/no-cycle)"
npx eslint . --max-warnings 0
step "format (prettier)"
npx prettier --check . >/dev/null || { npx prettier --list-different . >&2; echo "not formatted: run npx prettier --write ." >&2; exit 1; }
echo "formatted"
step "type-check (tsc --noEmit)"
npx tsc -p tsconfig.json --noEmit
step "console: the OpenAPI document and the generated client types match the server"
node scripts/build.mjs --server
node scripts/openapi.mjs
git diff --exit-code -- apps/console/src/api/openapi.json apps/console/src/api/schema.d.ts ||
  { echo "the server's OpenAPI document changed: run node scripts/openapi.mjs, fix the console, commit both" >&2; exit 1; }
step "console: type-check (tsc --noEmit, apps/console/tsconfig.json)"
(cd apps/console && npx tsc -p tsconfig.json --noEmit)
step "console: component tests (vitest)"
npx vitest run --config apps/console/vite.config.mts
step "build (swc; the console with Vite when its inputs changed)"
node scripts/build.mjs

step "migrations: apply to an empty database, compare with the entities, revert all, re-apply"
admin_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
check_db="${TEST_DB_PREFIX:-ped_test}_migcheck_$$"
psql "$admin_url" -qc "CREATE DATABASE $check_db"
trap 'psql "$admin_url" -qc "DROP DATABASE IF EXISTS $check_db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
DATABASE_URL="${admin_url%/*}/$check_db" JWT_SECRET="migration-check-only-0123456789abcdef" \
  FIELD_ENCRYPTION_KEYS="m1:$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64'))")" node dist/apps/cli/src/main.js migration:check

step "unit tests"
npx jest --selectProjects unit --ci
step "e2e tests (real PostgreSQL, Redis, HTTP; embedded PostgreSQL start)"
npx jest test/e2e --selectProjects e2e --ci --maxWorkers=2
# One at a time: they kill workers, wipe their own Redis and restart their own PostgreSQL, and wait on what follows;
# sharing the 2 cores with the e2e files made their waits run out.
step "fault tests (one file at a time)"
npx jest test/fault --selectProjects e2e --ci --runInBand
step "browser tests (Debian chromium via playwright-core, the api serving the built console)"
npx jest --selectProjects browser --ci
