# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= out/demo.db
# The suite runs on one worker process per core of the 2-core machines it is budgeted for (pytest-xdist);
# a test file stays on one worker, so its module fixtures are built once. Files are handed out in the order
# tests/conftest.py gives them (slow files first); pytest-xdist's own reorder, by number of tests, would hand
# out the few-test slow files (the wheel install, kill -9 runs) last and leave one worker idle at the end.
TEST_WORKERS ?= 2

.PHONY: demo test install install-dev lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt pip setuptools

# Installs strife with the locked dependency set of constraints.txt (spaCy and its English pipeline come
# from PyPI). The build hook (setup.py) builds the web page from its npm lock file into src/strife/web/dist
# when it is missing or older than its sources (needs Node.js and npm).
install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'

# Moves the locked set: the newest versions pyproject.toml allows, in a fresh venv, frozen into
# constraints.txt. Run `make test` after it and commit both.
lock:
	rm -rf $(VENV)-lock
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet --upgrade pip setuptools
	$(VENV)-lock/bin/python -m pip install --quiet -e '.[dev]'
	{ sed -n '/^#/p' constraints.txt; $(VENV)-lock/bin/python -m pip freeze --all --exclude-editable | grep -v '^wheel=='; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf $(VENV)-lock

# Install, then code the bundled example articles into a SQLite file and show what was stored.
demo: install
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN)/strife ingest examples/ --db $(DEMO_DB)
	$(BIN)/strife events --db $(DEMO_DB)

# Install with the test extras, PostgreSQL and Chromium (from Debian packages if missing), then run the whole
# suite (slow tests included). The suite starts its own PostgreSQL on 127.0.0.1 and stops it after.
# On a fresh machine the gazetteer index and the built-in typer (about a minute, one core) are built while the
# servers install, not by the suite's first tests while the other worker waits on the index's lock; on the
# other core, the wheel tests/test_package.py installs in a fresh venv (about a minute) is built and installed.
test: install-dev
	$(BIN)/strife doctor --build-index > $(VENV)/doctor.log 2>&1 & doctor=$$!; \
	$(BIN)/python -m tests.package_install > $(VENV)/package.log 2>&1 & package=$$!; \
	bash scripts/ensure-postgres.sh && bash scripts/ensure-chromium.sh; servers=$$?; \
	wait $$doctor || { cat $(VENV)/doctor.log >&2; echo "make test: strife doctor --build-index failed (above)" >&2; exit 1; }; \
	wait $$package || { cat $(VENV)/package.log >&2; echo "make test: building the wheel's install failed (above)" >&2; exit 1; }; \
	exit $$servers
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

clean:
	rm -rf $(VENV) $(VENV)-lock .venv-package out build *.egg-info src/*.egg-info .pytest_cache .hypothesis
