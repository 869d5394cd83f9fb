#!/usr/bin/env bash
# Make sure PostgreSQL server binaries (initdb, pg_ctl) are installed, for the test suite's real
# PostgreSQL server (tests/conftest_pg.py starts it on 127.0.0.1 in a temporary directory and stops it).
# Installs Debian's `postgresql` package when they are missing; fails loudly when it cannot.
set -euo pipefail

if [[ -n "${STRIFE_TEST_PG_URL:-}" ]]; then
    echo "ensure-postgres: using the server at STRIFE_TEST_PG_URL" >&2
    exit 0
fi
if [[ -n "${STRIFE_PG_BIN:-}" && -x "${STRIFE_PG_BIN}/initdb" ]] || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v pg_ctl >/dev/null; then
    exit 0
fi
bash "$(dirname "$0")/debian-install.sh" ensure-postgres postgresql "the PostgreSQL tests" \
    "install PostgreSQL, then set STRIFE_PG_BIN to its bin folder (or STRIFE_TEST_PG_URL to a server)"
exit 0
