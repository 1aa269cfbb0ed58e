# Daria: the two commands a newcomer needs.
#   make run    install everything and run Daria (web + worker + Redis) on http://127.0.0.1:8000
#   make test   install everything (including Chromium for browser tests) and run the whole suite
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-dev messages lint createsuperuser api-types

run: install
	$(BIN)/python scripts/run.py

test: install-dev
	bash scripts/test.sh

install: $(VENV)/.runtime-installed frontend/dist/index.html messages

install-dev: install $(VENV)/.dev-installed
	bash scripts/install-system-deps.sh

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt requirements.txt $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

# The build type-checks src/ and tests/ first (tsc), so `make test` needs no second type check.
frontend/dist/index.html: frontend/node_modules/.package-lock.json $(shell find frontend/src frontend/tests frontend/index.html frontend/vite.config.ts frontend/tsconfig.json -type f 2>/dev/null)
	cd frontend && npm run build

messages: $(VENV)/.runtime-installed
	$(BIN)/python scripts/compile_messages.py

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

createsuperuser: install
	$(BIN)/python manage.py createsuperuser

# Regenerate the OpenAPI schema and the frontend wire types from it; commit both.
api-types: $(VENV)/.runtime-installed frontend/node_modules/.package-lock.json
	$(BIN)/python manage.py spectacular --validate --fail-on-warn --file frontend/src/api/openapi.yaml
	cd frontend && npm run gen:api
