"""A real PostgreSQL server for the test session, and fixtures that run a test on both backends.

The server is started once per session from the Debian packages (`/usr/lib/postgresql/*/bin`,
installed by `scripts/ensure-postgres.sh`, which `make test` runs) on 127.0.0.1, on a free port, in a
temporary data directory, and stopped and deleted afterwards. As root it runs as the `postgres`
user, because initdb refuses root. If it cannot start, every test that needs it FAILS with the
reason: a backend that was never tested must not look green.

`STRIFE_TEST_PG_URL=postgresql://user@host:port/db` uses an existing server instead (each test
still gets its own fresh database, created from that connection).

Fixtures: `pg_server` (session), `pg_url` (a fresh empty database per test), `db_url`
(parametrised: a fresh SQLite file, then a fresh PostgreSQL database).
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator, Optional

import pytest

START_TIMEOUT_S = 60
_numbers = itertools.count(1)


class PostgresUnavailable(RuntimeError):
    """The test PostgreSQL server could not be started; the message says why and what to do."""


def find_pg_bin() -> Path:
    """The folder with initdb/pg_ctl: $STRIFE_PG_BIN, the newest Debian cluster, or the PATH."""
    candidates = [os.environ.get("STRIFE_PG_BIN", "")]
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0, reverse=True)
    found = shutil.which("pg_ctl")
    candidates.append(str(Path(found).resolve().parent) if found else "")
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: run `make test`, which installs them "
        "(scripts/ensure-postgres.sh: apt-get install -y postgresql), or set STRIFE_PG_BIN or STRIFE_TEST_PG_URL"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """A throwaway PostgreSQL cluster on 127.0.0.1 (trust authentication, durability off for speed)."""

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.port = free_port()
        self.data_dir = Path(tempfile.mkdtemp(prefix="strife-pg-"))
        self.as_user = _service_user()

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        if self.as_user:
            shutil.chown(self.data_dir, user=self.as_user)
        cluster = self.data_dir / "cluster"
        self._run("initdb", "-D", str(cluster), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync")
        options = (
            f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run("pg_ctl", "-D", str(cluster), "-o", options, "-l", str(self.data_dir / "server.log"),
                  "-w", "-t", str(START_TIMEOUT_S), "start")

    def stop(self) -> None:
        cluster = self.data_dir / "cluster"
        if (cluster / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(cluster), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        command = [str(self.bin_dir / program), *args]
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=START_TIMEOUT_S + 30)
        if check and done.returncode != 0:
            log = self.data_dir / "server.log"
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
            raise PostgresUnavailable(
                f"`{' '.join(command)}` failed with exit {done.returncode}: {(done.stderr or done.stdout).strip()[-1500:]} {tail}"
            )


def _service_user() -> Optional[str]:
    """Root must hand the server to an unprivileged user (Debian's `postgres`); others run it themselves."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres").pw_name
    except KeyError:
        raise PostgresUnavailable("running as root but there is no `postgres` user to run the server as "
                                  "(install Debian's postgresql package: scripts/ensure-postgres.sh)") from None


class ExternalServer:
    """An existing server named by STRIFE_TEST_PG_URL."""

    def __init__(self, url: str):
        from sqlalchemy.engine import make_url

        self.admin_url = url
        self._base = make_url(url)

    def url(self, database: str) -> str:
        return self._base.set(database=database).render_as_string(hide_password=False)


def create_database(server, name: str) -> str:
    """A new empty database on the server; returns its URL."""
    import psycopg

    with psycopg.connect(server.admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.url(name)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    external = os.environ.get("STRIFE_TEST_PG_URL")
    if external:
        yield ExternalServer(external)
        return
    try:
        server = PostgresServer(find_pg_bin())
    except PostgresUnavailable as error:
        pytest.fail(f"cannot start the test PostgreSQL server: {error}", pytrace=False)
    try:
        started = time.perf_counter()
        server.start()
    except (PostgresUnavailable, OSError, subprocess.SubprocessError) as error:
        server.stop()
        pytest.fail(f"cannot start the test PostgreSQL server: {error}", pytrace=False)
    os.environ.setdefault("STRIFE_TEST_PG_STARTED_S", f"{time.perf_counter() - started:.1f}")
    yield server
    server.stop()


def drop_database(server, name: str) -> None:
    """Drop a database made by `create_database`, closing any connection a test left open."""
    import psycopg

    with psycopg.connect(server.admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """A new empty database for one test, dropped after it: its files go while still in the page
    cache (fsync is off), so the session does not end writing back and deleting hundreds of them
    (the server's stop took 12-35 s of rmtree on a loaded machine)."""
    name = f"strife_test_{os.getpid()}_{next(_numbers)}"
    yield create_database(pg_server, name)
    drop_database(pg_server, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return request.getfixturevalue("pg_url")
