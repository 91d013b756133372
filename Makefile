# Every target installs what it needs from the project's own files.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Flipkart publishes the spec at UPSTREAM_URL; the default input is the local copy of it
# beside this checkout. `make regenerate SPEC=$(UPSTREAM_URL)` fetches the published one.
UPSTREAM_URL := https://sandbox-api.flipkart.net/swagger/swagger.json
SPEC ?= ../shared/flipkart-api/sandbox-swagger.json
# JSON report of the classified API diff, for CI (regenerate and check-upstream).
REPORT ?= build/api-diff.json
# ACCEPT_BREAKING=1 lets `make regenerate` take breaking (ERR) API changes.
ACCEPT_BREAKING ?=
STAMP := $(VENV)/.installed
# The demo needs only the runtime and the testing extra: a fresh clone runs it without the
# dev toolchain. A venv that already has the dev install has both.
DEMO_STAMP := $(VENV)/.demo-installed

.DEFAULT_GOAL := help

.PHONY: help install converter redis sync regenerate check-generated check-upstream test soak lint docs format demo record bench mutate clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

# The dev tools are a PEP 735 dependency group (pinned, kept out of the published metadata):
# pip reads groups from 25.1 on, hence the upgrade first.
$(STAMP): pyproject.toml flipkart_ext/_version.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e . --group dev
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the package with its dev tools (the `dev` dependency group)

scripts/node_modules/.installed: scripts/package.json scripts/package-lock.json
	npm ci --prefix scripts --no-audit --no-fund --silent
	@touch $@

converter: scripts/node_modules/.installed ## Install the pinned swagger2openapi converter (needs Node)

redis: ## Install redis-server if missing (Debian's package, through sudo apt-get); the tests start and stop their own
	bash scripts/install_redis.sh

regenerate: install converter ## Regenerate from SPEC; exits 3 and changes nothing on breaking changes unless ACCEPT_BREAKING=1
	ACCEPT_BREAKING='$(ACCEPT_BREAKING)' $(PY) scripts/regenerate.py --spec '$(SPEC)' --report '$(REPORT)'

sync: install ## Generate flipkart_ext/_sync/ from flipkart_ext/_async/ (never edit _sync/ by hand)
	$(PY) scripts/generate_sync.py

check-generated: install ## Fail unless generated/ and flipkart_ext/_sync/ equal a fresh generation, cover every operation and pass mypy --strict
	$(PY) scripts/generate_sync.py --check
	$(PY) scripts/check_generated.py

check-upstream: install converter ## Classified API diff of SPEC against openapi/ (0 same, 3 breaking, 4 other change)
	$(PY) scripts/check_upstream.py --spec '$(SPEC)' --report '$(REPORT)'

# pytest-xdist spreads the tests over every core. Soak-sized runs (marker `soak`: the refresh
# storm's 300 rounds, 400 fault schedules per list, the whole suite after a regeneration, the
# wheel in two fresh virtualenvs) are left to `make soak`; `make test` runs the same tests at
# small counts. pyproject's addopts deselect `soak`; a later `-m` replaces that. The wire-chaos
# tests (marker `chaos`) run in both, at a few examples here and at the soak count there. A file's tests
# stay on one worker (--dist loadfile), so a module's fixture (a built wheel, an emulator, a
# virtualenv) is made once.
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile --durations=10

# The suite builds the documentation site itself, strictly and with this config
# (tests/docs/test_docs_site.py), so `make docs` is not run twice.
test: install converter redis lint ## Install, lint, type-check and run the test suite at small counts, the docs site build included (cassettes replay; no network)
	$(PY) -m pytest $(PYTEST_PARALLEL)

# `make soak SEED=1234` replays one soak run's drawn examples; by default each run draws a new
# seed, printed first.
SEED ?= $(shell date +%s)

soak: install converter redis ## The soak-sized runs (marker `soak`: 300 refresh storms, 400 fault schedules per list, the whole suite after a regeneration, fresh virtualenvs, property tests at 300 examples from a printed seed); CI runs them after `make test`
	@echo "soak seed: $(SEED) (make soak SEED=$(SEED) replays this run)"
	HYPOTHESIS_PROFILE=soak $(PY) -m pytest $(PYTEST_PARALLEL) -m 'soak or chaos' -p no:cacheprovider --hypothesis-seed=$(SEED)

lint: install ## ruff, mypy --strict, and flipkart_ext/_sync/ equal to a fresh `make sync`
	$(PY) scripts/generate_sync.py --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

docs: install ## Build the documentation site into site/ (mkdocs --strict: a broken reference fails)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --quiet

format: install ## Apply ruff fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

$(DEMO_STAMP): pyproject.toml flipkart_ext/_version.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[testing]'
	@touch $(DEMO_STAMP)

demo: $(if $(wildcard $(STAMP)),$(STAMP),$(DEMO_STAMP)) ## Run a seller's day against the embedded emulator (installs only the runtime and the testing extra; no credentials)
	$(PY) -m flipkart_ext.demo

record: install ## Re-record every cassette (emulator by default, real sandbox with FLIPKART_SANDBOX_* set)
	$(PY) scripts/record.py

bench: install converter redis ## Run the benchmarks and print the table
	$(PY) benchmarks/run.py

mutate: install ## Mutation testing of auth, retry, paging and signatures: kill rate per module, fails below 90% (about an hour on 2 cores; resumes)
	$(PY) -m pip install --quiet --disable-pip-version-check -e . --group mutation
	$(PY) scripts/mutate.py

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) mutants .mypy_cache .ruff_cache .pytest_cache scripts/node_modules site
