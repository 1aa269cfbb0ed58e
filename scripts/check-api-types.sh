#!/usr/bin/env bash
# Fails when the committed OpenAPI schema (frontend/src/api/openapi.yaml) or the TypeScript wire
# types generated from it (frontend/src/api/schema.d.ts) no longer match the code.
# Both are regenerated into a temporary directory, so the working tree is never touched.
# The fix is `make api-types`, then commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/daria}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"

API_DIR=frontend/src/api
if [ ! -x frontend/node_modules/.bin/openapi-typescript ]; then
    echo "openapi-typescript is not installed: run \`npm ci\` in frontend/ first." >&2
    exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# A scratch copy of the frontend's package.json, so the types are made by the very same
# `npm run gen:api` that `make api-types` runs, only writing into the scratch directory.
mkdir -p "$tmp/src/api"
cp frontend/package.json "$tmp/package.json"
ln -s "$PWD/frontend/node_modules" "$tmp/node_modules"

.venv/bin/python manage.py spectacular --validate --fail-on-warn --file "$tmp/src/api/openapi.yaml"
(cd "$tmp" && npm run --silent gen:api >/dev/null)

stale=0
for file in openapi.yaml schema.d.ts; do
    if ! diff -u "$API_DIR/$file" "$tmp/src/api/$file" >"$tmp/$file.diff"; then
        echo "$API_DIR/$file is stale (committed vs regenerated, first lines):" >&2
        head -n 40 "$tmp/$file.diff" >&2
        stale=1
    fi
done

if [ "$stale" -ne 0 ]; then
    echo "" >&2
    echo "The API schema changed: run \`make api-types\` and commit frontend/src/api/." >&2
    exit 1
fi
echo "API schema and frontend wire types are up to date."
