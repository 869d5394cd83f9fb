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
# The set-up keeps both cores busy. While pip installs the test extras (one core), the wheel that
# tests/test_package.py installs in a fresh venv is built and installed (tests/package_install.py, about a
# minute). Then the gazetteer index and the built-in typer are built (about a minute, one core) while the
# servers install and the dependencies are byte-compiled, which pip would otherwise have done first on one
# core (their own test folders left out: 3,300 of 11,300 files, 40 % of the compiling, never imported here);
# so the suite's first tests do not wait on the index's lock. The index build is the longest step, so the
# other two run at a lower priority (nice) and take what it leaves.
test: $(BIN)/python
	nice -n 10 $(BIN)/python -m tests.package_install > $(VENV)/package.log 2>&1 & package=$$!; \
	$(BIN)/python -m pip install --quiet --no-compile -c constraints.txt -e '.[dev]' || exit 1; \
	nice -n 10 $(BIN)/python -m compileall -q -x '/tests?/' $(VENV)/lib > $(VENV)/compile.log 2>&1 & compiled=$$!; \
	$(BIN)/strife doctor --build-index > $(VENV)/doctor.log 2>&1 & doctor=$$!; \
	bash scripts/ensure-postgres.sh && bash scripts/ensure-chromium.sh; servers=$$?; \
	wait $$doctor || { cat $(VENV)/doctor.log >&2; echo "make test: strife doctor --build-index failed (above)" >&2; exit 1; }; \
	wait $$package || { cat $(VENV)/package.log >&2; echo "make test: building the wheel's install failed (above)" >&2; exit 1; }; \
	wait $$compiled; \
	exit $$servers
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

clean:
	rm -rf $(VENV) $(VENV)-lock .venv-package out build *.egg-info src/*.egg-info .pytest_cache .hypothesis
