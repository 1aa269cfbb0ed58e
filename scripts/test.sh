#!/usr/bin/env bash
# The whole test suite: linters, the API schema, the frontend, the engine on its own, then the
# web app against real PostgreSQL and Redis (with a real Celery worker and a real Chromium).
# Called by `make test` after the install steps.
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/daria}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export DARIA_DATA_DIR="${DARIA_DATA_DIR:-$PWD/var/test-data}"
BIN=.venv/bin

# Each stage's heading says how long the run has taken so far, so a slow CI log shows where.
stage() { printf '== %s (at %dm%02ds)\n' "$1" $((SECONDS / 60)) $((SECONDS % 60)); }

stage "lint"
$BIN/ruff check .
$BIN/mypy
$BIN/lint-imports

stage "secrets scan (new findings against .secrets.baseline)"
$BIN/python scripts/check_secrets.py

stage "dependency audit (pip-audit, npm audit; says NOT RUN when the advisory services are out of reach)"
$BIN/python scripts/audit_dependencies.py

stage "OpenAPI schema and frontend wire types"
bash scripts/check-api-types.sh

stage "docker-compose.yml"
if docker compose version >/dev/null 2>&1; then docker compose config --quiet; else docker-compose config --quiet; fi

stage "frontend"
# The type check (tsc over src/ and tests/) ran in the install step's build, which `make test`
# redoes whenever a source, test or the TypeScript configuration changed.
(cd frontend && npm test)

stage "engine (plain pytest, no Django)"
# Two processes: the engine's tests are independent and mostly CPU-bound.
$BIN/pytest -p no:django -W ignore::pytest.PytestConfigWarning tests/automl_core -q -n 2

stage "web app, worker and browser"
# Three test processes, one file at a time each, even on two cores: the longest tests run a
# search for a fixed time budget or wait on workers and browsers, so a third lane shortens the
# run (measured: 651 s with two, 563 s with three). Each process gets its own test database, and
# its browser tests share one web server and worker. The longest files (browser, then worker
# tests) are handed out first, so the short ones even out the end. The slowest tests are listed
# at the end.
$BIN/pytest tests/e2e tests/integration tests/daria -q -n "${DARIA_TEST_PROCESSES:-3}" \
  --dist loadfile --durations=15
stage "done"
