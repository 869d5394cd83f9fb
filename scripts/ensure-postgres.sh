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
if ! command -v apt-get >/dev/null; then
    echo "ensure-postgres: PostgreSQL server binaries are missing and apt-get is not available: install PostgreSQL, then set STRIFE_PG_BIN to its bin folder (or STRIFE_TEST_PG_URL to a server)" >&2
    exit 1
fi
SUDO=""
if [[ "$(id -u)" != 0 ]]; then
    SUDO="sudo"
fi
echo "ensure-postgres: installing PostgreSQL from Debian packages" >&2
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null; }; then
    echo "ensure-postgres: could not install the postgresql package (see above); the PostgreSQL tests cannot run" >&2
    exit 1
fi
exit 0
