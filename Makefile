# The two commands a newcomer needs: `make run` and `make test` (see README.md).
# Everything they install is named here or in scripts/, so a fresh clone on a fresh
# Debian/Ubuntu machine needs nothing else.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# The demo's OpenID Connect provider (oidc-provider-mock), started by `make run` beside the
# web server unless UMEBRA_OIDC_ISSUER names a real one.
IDP_PORT ?= 9400
export HOST PORT IDP_PORT

# The suite runs against a real PostgreSQL and a real Redis. These defaults are what
# scripts/test-services.sh provides; set DATABASE_URL / REDIS_URL to use your own.
TEST_DATABASE_URL ?= postgres://umebra:umebra@127.0.0.1:5432/umebra
TEST_REDIS_URL    ?= redis://127.0.0.1:6379/0
PYTEST_WORKERS    ?= 2

.PHONY: run test lint format migrate seed messages system-deps test-services clean help bench-access bench-report bench-load

help:
	@echo "make run   - set up and start Umebrå with demo data on http://$(HOST):$(PORT)/"
	@echo "make test  - set up and run ruff and the whole test suite on PostgreSQL and Redis"

# The virtual environment is rebuilt only when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Umebrå needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

system-deps:
	@scripts/system-deps.sh run

messages: $(BIN)/.installed
	$(BIN)/python manage.py compilemessages --ignore '.venv/*' -v 0

migrate: $(BIN)/.installed
	$(BIN)/python manage.py migrate --no-input -v 0

seed: migrate
	$(BIN)/python manage.py seed_demo

run: system-deps $(BIN)/.installed messages seed
	@echo
	@echo "  Umebrå is starting on http://$(HOST):$(PORT)/"
	@echo "  Log in as samordnare / umebra-demo (every demo user has the password umebra-demo)."
	@echo "  Or log in through the demo's identity provider: polis, socialsekreterare and"
	@echo "  skolkurator with e-identification (no code asked), samordnare with a password only."
	@echo "  Ctrl-C stops the web server, the worker and the identity provider."
	@echo
	PATH="$(CURDIR)/$(BIN):$$PATH" \
		UMEBRA_OIDC_ISSUER="$${UMEBRA_OIDC_ISSUER-http://127.0.0.1:$(IDP_PORT)}" \
		UMEBRA_OIDC_CLIENT_ID="$${UMEBRA_OIDC_CLIENT_ID-umebra-demo}" \
		UMEBRA_OIDC_CLIENT_SECRET="$${UMEBRA_OIDC_CLIENT_SECRET-umebra-demo}" \
		$(BIN)/honcho start -f Procfile.dev

test-services:
	@DATABASE_URL="$${DATABASE_URL:-$(TEST_DATABASE_URL)}" REDIS_URL="$${REDIS_URL:-$(TEST_REDIS_URL)}" \
		scripts/test-services.sh

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# pytest exits 5 when it collected no tests; make treats any non-zero exit as failure,
# so a run that tests nothing fails.
test: export DATABASE_URL := $(or $(DATABASE_URL),$(TEST_DATABASE_URL))
test: export REDIS_URL := $(or $(REDIS_URL),$(TEST_REDIS_URL))
test:
	@scripts/system-deps.sh test
	@$(MAKE) --no-print-directory $(BIN)/.installed messages test-services lint
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .mypy_cache

# Benchmarks print figures; they are not pass/fail tests (see bench/).
bench-access: export DATABASE_URL := $(or $(DATABASE_URL),$(TEST_DATABASE_URL))
bench-access: export REDIS_URL := $(or $(REDIS_URL),$(TEST_REDIS_URL))
bench-access:
	@$(MAKE) --no-print-directory $(BIN)/.installed test-services
	$(BIN)/python bench/access_list.py

bench-report: export DATABASE_URL := $(or $(DATABASE_URL),$(TEST_DATABASE_URL))
bench-report: export REDIS_URL := $(or $(REDIS_URL),$(TEST_REDIS_URL))
bench-report:
	@$(MAKE) --no-print-directory $(BIN)/.installed test-services
	$(BIN)/python bench/report_quarterly.py

# The load test needs the load generator, which the rest does not.
bench-load: export DATABASE_URL := $(or $(DATABASE_URL),$(TEST_DATABASE_URL))
bench-load: export REDIS_URL := $(or $(REDIS_URL),$(TEST_REDIS_URL))
bench-load:
	@$(MAKE) --no-print-directory $(BIN)/.installed test-services
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/load.py
