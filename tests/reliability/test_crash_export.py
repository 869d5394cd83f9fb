"""kill -9 in the middle of `strife export`, then run it again: the output file is never half
written (a temporary file beside it is renamed over it once complete), the database is untouched
and passes `strife db check`, and the re-run writes every event exactly once.

(kill -9 during `strife ingest` is in tests/test_crash.py.)
"""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from strife.model import Article, ArticleResult
from strife.store import Store
from tests.reliability.badinputs import report
from tests.test_cli import STRIFE, strife
from tests.test_crash import assert_whole_and_unique, environment

N_ARTICLES = 3000  # enough rows that an export takes a few seconds to write


def fill_store(url: str, engine, n_articles: int) -> int:
    """Store `n_articles` articles fast: one coded report stored under distinct texts (a suffix
    changes the text, not the evidence offsets). Returns the events the database then holds."""
    coded = engine.code(Article(text=report(0), published="2020-05-11"))
    coded_json, prefix = coded.model_dump_json(), coded.article.sha256[:12]  # event ids start with it
    items = []
    for i in range(n_articles):
        text = f"{report(0)}\n\nUpdate {i}."
        meta = Article(text=text, published="2020-05-11", id=f"bulk{i}").meta()
        copy = ArticleResult.model_validate_json(coded_json.replace(prefix, meta.sha256[:12]))
        items.append((copy.model_copy(update={"article": meta}), text, f"bulk.jsonl:{i + 1}"))
    with Store(url) as store:  # one transaction (`add` in a loop committed 3,000 times: 20 s)
        assert not [outcome for outcome in store.add_many(items) if outcome.error]
        return store.counts()["events"]


@pytest.fixture(scope="module")
def big_db(engine, tmp_path_factory) -> tuple[str, int]:
    """A database of N_ARTICLES stored articles."""
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'big.db'}"
    events = fill_store(url, engine, N_ARTICLES)
    assert events >= N_ARTICLES
    return url, events


def export_command(db: str, fmt: str, output: Path) -> list[str]:
    return [STRIFE, "export", "--db", db, "--format", fmt, "--output", str(output), "--all", "--json"]


def partial_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.partial"))


def kill_mid_export(command: list[str], folder: Path, timeout: float = 120) -> None:
    """Start the export and kill -9 it once its temporary output holds some bytes."""
    process = subprocess.Popen(command, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if any(p.stat().st_size > 0 for p in partial_files(folder) if p.exists()):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return
        time.sleep(0.01)
    process.kill()
    pytest.fail(f"the export finished or stalled before it could be killed mid-write (rc {process.returncode})")


def csv_ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["event_id_cnty"] for row in csv.DictReader(handle)]


@pytest.mark.slow
def test_kill_9_mid_csv_export_leaves_the_old_file_and_a_rerun_is_complete(big_db, tmp_path):
    db, n_events = big_db
    output = tmp_path / "events.csv"
    output.write_text("previous export\n", encoding="utf-8")
    kill_mid_export(export_command(db, "acled-csv", output), tmp_path)

    assert output.read_text(encoding="utf-8") == "previous export\n"  # not truncated, not half-replaced
    assert partial_files(tmp_path)  # what the killed run had written is set apart, under a dot name
    assert strife("db", "check", "--db", db).returncode == 0
    assert_whole_and_unique(db, N_ARTICLES)

    rerun = subprocess.run(export_command(db, "acled-csv", output), env=environment(), capture_output=True, text=True,
                           timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    written = json.loads(rerun.stdout)
    ids = csv_ids(output)
    assert len(ids) == len(set(ids)) == written["events"] + 0 == n_events - written["without_acled_type"]


@pytest.mark.slow
def test_kill_9_mid_parquet_export_leaves_no_parquet_file(big_db, tmp_path):
    import pyarrow.parquet as pq

    db, n_events = big_db
    folder = tmp_path / "tables"
    folder.mkdir()
    kill_mid_export(export_command(db, "parquet", folder), folder)
    assert not list(folder.glob("*.parquet"))
    rerun = subprocess.run(export_command(db, "parquet", folder), env=environment(), capture_output=True, text=True,
                           timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    events = pq.read_table(folder / "events.parquet").column("id").to_pylist()
    assert len(events) == len(set(events)) == n_events
    assert pq.read_table(folder / "articles.parquet").num_rows == N_ARTICLES


def test_a_failed_export_keeps_the_previous_file(big_db, tmp_path):
    """An export that fails (here: a filter error raised by the library) leaves no trace."""
    from strife.export import atomic_output

    output = tmp_path / "kept.csv"
    output.write_text("kept\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(output) as handle:
        handle.write("half a row")
        raise RuntimeError("disk full")
    assert output.read_text(encoding="utf-8") == "kept\n"
    assert not partial_files(tmp_path)
