"""Crash safety and races with real processes: kill -9 in the middle of `strife ingest`, and two
`strife ingest` runs into one PostgreSQL database at once. Neither may leave a partial article or a
duplicate."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from strife.store import Store, make_engine
from tests.test_cli import STRIFE

TOWNS = ["Taiz", "Aden", "Marib", "Hodeidah", "Sanaa", "Ibb", "Dhamar", "Saada", "Hajjah", "Lahij"]
N_ARTICLES = 120


def write_articles(folder: Path, n: int = N_ARTICLES) -> Path:
    """n short, distinct conflict reports as .txt files."""
    folder.mkdir()
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"report-{i:03d}.txt").write_text(
            f"Gunmen attacked a checkpoint in {town} on Monday, killing {i + 2} soldiers, officials said. "
            f"Residents of {town} said {i + 5} people were wounded in the attack.\n", encoding="utf-8")
    return folder


def ingest_command(folder: Path, db: str) -> list[str]:
    return [STRIFE, "ingest", str(folder), "--db", db, "--published", "2020-05-09", "--json"]


def environment() -> dict:
    return {k: v for k, v in os.environ.items() if k != "STRIFE_DB"}


def stored_articles(db: str) -> int:
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except Exception:  # noqa: BLE001 - the schema may not exist yet while the process starts
        return 0
    finally:
        engine.dispose()


def kill_once_some_are_stored(process: subprocess.Popen, db: str, at_least: int, timeout: float = 240) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if (seen := stored_articles(db)) >= at_least:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return seen
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"strife ingest stored fewer than {at_least} articles before finishing or timing out")


def assert_whole_and_unique(db: str, expected_articles: int | None = None) -> None:
    with Store(db) as store:
        assert store.check() == []  # every article has all its events; no orphans; offsets valid
        counts = store.counts()
        with store.engine.connect() as conn:
            distinct = conn.execute(text("SELECT count(DISTINCT sha256) FROM articles")).scalar_one()
            declared = conn.execute(text("SELECT coalesce(sum(n_events), 0) FROM articles")).scalar_one()
    assert distinct == counts["articles"] and declared == counts["events"]
    if expected_articles is not None:
        assert counts["articles"] == expected_articles


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_9_mid_ingest_leaves_whole_articles_and_a_rerun_completes(backend, tmp_path, request):
    db = f"sqlite:///{tmp_path / 'crash.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    folder = write_articles(tmp_path / "in")
    process = subprocess.Popen(ingest_command(folder, db), env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed_at = kill_once_some_are_stored(process, db, at_least=5)
    assert process.returncode == -signal.SIGKILL
    assert_whole_and_unique(db)
    survived = stored_articles(db)
    assert 5 <= survived < N_ARTICLES, (killed_at, survived)

    rerun = subprocess.run(ingest_command(folder, db), env=environment(), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout.strip().splitlines()[-1])
    assert summary["already_stored"] == survived and summary["stored"] == N_ARTICLES - survived
    assert_whole_and_unique(db, N_ARTICLES)


@pytest.mark.slow
def test_two_ingests_into_one_postgres_database_do_not_duplicate(tmp_path, pg_url):
    folder = write_articles(tmp_path / "in", n=60)
    Store(pg_url).close()
    runs = [subprocess.Popen(ingest_command(folder, pg_url), env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    summaries = []
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        summaries.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(s["stored"] for s in summaries) == 60
    assert all(s["stored"] + s["already_stored"] == 60 for s in summaries)
    assert_whole_and_unique(pg_url, 60)
