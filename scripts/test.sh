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

echo "== lint"
$BIN/ruff check .
$BIN/lint-imports

echo "== secrets scan (new findings against .secrets.baseline)"
$BIN/python scripts/check_secrets.py

echo "== dependency audit (pip-audit, npm audit; says NOT RUN when the advisory services are out of reach)"
$BIN/python scripts/audit_dependencies.py

echo "== OpenAPI schema and frontend wire types"
bash scripts/check-api-types.sh

echo "== docker-compose.yml"
if docker compose version >/dev/null 2>&1; then docker compose config --quiet; else docker-compose config --quiet; fi

echo "== frontend"
(cd frontend && npm run lint && npm test)

echo "== engine (plain pytest, no Django)"
# Two processes: the engine's tests are independent and mostly CPU-bound.
$BIN/pytest -p no:django -W ignore::pytest.PytestConfigWarning tests/automl_core -q -n 2

echo "== web app, worker and browser"
# Two test processes, one file at a time each: most of these tests wait on workers and browsers,
# so two in parallel halve the wall time (three were slower on two cores: every browser test
# starts its own web server and worker). Each process gets its own test database. The slowest
# tests are listed at the end.
$BIN/pytest tests/daria tests/integration tests/e2e -q -n "${DARIA_TEST_PROCESSES:-2}" \
  --dist loadfile --durations=15
