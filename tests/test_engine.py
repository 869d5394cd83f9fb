"""Engines: input order, problems in place, and the same records from `local` and `dask`.

The Dask tests run a real `distributed.LocalCluster` of two worker processes on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from strife.engine import (
    Coded,
    DaskEngine,
    LocalEngine,
    tapered_chunks,
    estimate_articles,
    make_engine,
)
from strife.ingest import InputProblem
from strife.model import Article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
STRIFE = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"

TEXTS = [
    "Rebels shelled a village near Hama on Monday, killing three civilians, local officials said.",
    "Thousands of farmers protested in Ludhiana on Thursday against new agricultural laws. Police fired tear gas.",
    "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara on Tuesday to discuss a ceasefire in Idlib.",
    "Gunmen killed at least 12 people in an attack on a market in Maiduguri, the army said on Sunday.",
    "An airstrike hit a school in Aleppo on Sunday. Two teachers were injured.",
]


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", text=text, published=dt.date(2020, 5, 11)) for i, text in enumerate(TEXTS)]


def _mixed_inputs() -> list:
    """Articles with an unreadable input and an over-long article among them."""
    articles = _articles()
    return [
        articles[0], InputProblem("broken.jsonl:2", "not valid JSON"), articles[1], articles[2],
        Article(id="huge", text="x " * 600), articles[3], articles[4],
    ]


def _shape(outcomes) -> list:
    """What a caller sees, comparable across engines: ids with full results, or problem texts."""
    return [(o.article.id, o.result.model_dump()) if isinstance(o, Coded) else str(o) for o in outcomes]


def test_local_engine_keeps_order_and_puts_problems_in_place(engine):
    small = LocalEngine(nlp=engine.nlp, batch_size=2, max_chars=1000)
    outcomes = list(small.run(_mixed_inputs()))
    assert [o.article.id if isinstance(o, Coded) else "problem" for o in outcomes] == [
        "a0", "problem", "a1", "a2", "problem", "a3", "a4"]
    assert str(outcomes[1]) == "broken.jsonl:2: not valid JSON"
    assert "too long" in str(outcomes[4]) and str(outcomes[4]).startswith("huge:")
    assert any(e.event_type == "PROTEST" for e in outcomes[2].result.events)


def test_local_engine_batch_size_does_not_change_results(engine):
    one = list(LocalEngine(nlp=engine.nlp, batch_size=1).run(_articles()))
    many = list(LocalEngine(nlp=engine.nlp, batch_size=16).run(_articles()))
    assert _shape(one) == _shape(many)


def test_make_engine_rejects_an_unknown_engine():
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        make_engine("spark")


@pytest.fixture(scope="module")
def dask_engine():
    with DaskEngine(workers=2, batch_size=2, max_in_flight=2) as started:
        yield started


def test_dask_engine_gives_the_same_records_in_the_same_order_as_local(dask_engine, engine):
    local = LocalEngine(nlp=engine.nlp, batch_size=2, max_chars=1000)
    dask_engine.max_chars = 1000
    assert len(dask_engine.client.scheduler_info()["workers"]) == 2
    from_dask = _shape(dask_engine.run(_mixed_inputs() * 2))  # 14 inputs, 2 per batch, at most 2 batches out
    assert from_dask == _shape(local.run(_mixed_inputs() * 2))
    assert [item if isinstance(item, str) else item[0] for item in from_dask][:7] == [
        "a0", "broken.jsonl:2: not valid JSON", "a1", "a2", from_dask[4], "a3", "a4"]
    assert "too long" in from_dask[4]


def test_dask_workers_each_load_the_pipeline_once(dask_engine):
    list(dask_engine.run(_articles() * 3))
    loads = dask_engine.client.run(lambda: __import__("strife.engine").engine.worker_pipeline.cache_info().misses)
    assert sorted(loads.values()) == [1, 1]


def test_dask_workers_run_without_the_profiler_or_a_fixed_malloc_threshold(dask_engine):
    # both cost the workers CPU that the local engine does not pay (bench/RESULTS.md)
    import dask

    settings = dask_engine.client.run(lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"),
                                               dask.config.get("distributed.worker.profile.enabled"),
                                               os.environ.get("OMP_NUM_THREADS")))
    assert list(settings.values()) == [(None, False, "1")] * 2


def test_the_last_batches_go_out_in_smaller_pieces():
    chunks = list(tapered_chunks(range(100), 16, 2))
    assert [item for chunk in chunks for item in chunk] == list(range(100))  # order kept, nothing lost
    assert [len(c) for c in chunks[:5]] == [16] * 5  # the bulk in full batches
    assert sum(len(c) for c in chunks[5:]) == 20 and max(len(c) for c in chunks[5:]) <= 4
    assert [len(c) for c in tapered_chunks(range(3), 16, 2)] == [1, 1, 1]
    assert list(tapered_chunks([], 16, 2)) == []


def test_dask_engine_codes_one_article(dask_engine):
    result = dask_engine.code(_articles()[3])
    assert result.article.id == "a3"
    assert any(e.fatalities and e.fatalities.low == 12 for e in result.events)


def test_an_unreachable_scheduler_is_a_clear_error():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ValueError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        DaskEngine(scheduler=f"tcp://127.0.0.1:{port}", connect_timeout="1s")


def test_estimate_articles_counts_jsonl_lines_and_text_files(tmp_path):
    (tmp_path / "day.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')
    (tmp_path / "one.txt").write_text("An article.")
    (tmp_path / "notes.md").write_text("not an input")
    assert estimate_articles([str(tmp_path)]) == 4
    assert estimate_articles([str(tmp_path / "day.jsonl"), str(tmp_path / "one.txt")]) == 4
    (tmp_path / "feed.csv").write_text("text\nx\n")
    assert estimate_articles([str(tmp_path / "feed.csv")]) is None


def _strife(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("STRIFE_DB", "STRIFE_SCHEDULER")}
    return subprocess.run([STRIFE, *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.slow
def test_cli_ingest_with_dask_stores_what_local_stores(tmp_path, engine):
    """`strife ingest --engine dask` stores the records the local engine stores through the same
    code-and-store path (`strife.intake.code_and_store`, which the command runs), in process here."""
    from strife.ingest import ReadOptions, read_inputs
    from strife.intake import code_and_store
    from strife.store import Store

    local = tmp_path / "local.db"
    with Store(str(local)) as store:
        list(code_and_store(store, engine, read_inputs([str(EXAMPLES / "batch.jsonl")], options=ReadOptions(language=None)),
                            language="en"))
    dask = tmp_path / "dask.db"
    shown = _strife("ingest", str(EXAMPLES / "batch.jsonl"), "--db", str(dask), "--engine", "dask",
                    "--workers", "2", "--batch-size", "2", "--json")
    assert shown.returncode == 0, shown.stderr
    summary = json.loads(shown.stdout)
    assert summary["engine"] == "dask" and summary["articles"] == 3 and summary["articles_per_second"] > 0
    assert "Traceback" not in shown.stderr
    assert _stored(dask) == _stored(local) and _stored(local)


def _stored(db: Path) -> list[dict]:
    """Every stored event of a database (negated and hypothetical ones too), as `strife events --all` lists them."""
    from strife.store import EventQuery, Store

    with Store(str(db)) as store:
        return [event.model_dump(mode="json") for event in store.events(EventQuery(include_unreal=True))]


def test_cli_rejects_a_scheduler_without_the_dask_engine(tmp_path):
    shown = _strife("ingest", str(EXAMPLES / "batch.jsonl"), "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://127.0.0.1:8786")
    assert shown.returncode == 2
    assert shown.stderr.strip() == "strife: --scheduler needs --engine dask"


HEAVY = ("spacy", "sqlalchemy", "fastapi", "sklearn", "dask", "distributed", "alembic", "numpy")
IMPORT_PROBE = """
import sys
sys.argv = ["strife", *sys.argv[1:]]
from strife.cli import main
try:
    main()
except SystemExit:
    pass
print("HEAVY", *[name for name in {heavy!r} if name in sys.modules], file=sys.stderr)
"""


def _heavy_imports(*args: str) -> list[str]:
    shown = subprocess.run([sys.executable, "-c", IMPORT_PROBE.format(heavy=HEAVY), *args],
                           capture_output=True, text=True, timeout=300)
    return next(line for line in reversed(shown.stderr.splitlines()) if line.startswith("HEAVY")).split()[1:]


def test_help_imports_no_heavy_library():
    # start-up (issue #10): spaCy, the database, the web server, sklearn and Dask load on use only
    assert _heavy_imports("--help") == []


def test_extract_imports_neither_the_server_nor_sklearn_nor_dask(tmp_path):
    article = tmp_path / "short.txt"
    article.write_text("Rebels shelled a village near Hama on Monday, killing three civilians.\n", encoding="utf-8")
    loaded = _heavy_imports("extract", str(article))
    assert "spacy" in loaded  # the probe sees real imports
    assert not {"fastapi", "sklearn", "dask", "distributed"} & set(loaded)


def test_a_query_of_a_current_database_imports_neither_alembic_nor_numpy(tmp_path):
    from strife.store import Store

    db = tmp_path / "current.db"
    with Store(str(db)):
        pass  # a database at the head revision
    loaded = _heavy_imports("events", "--db", str(db))
    assert "sqlalchemy" in loaded  # the probe sees real imports
    assert not {"alembic", "numpy", "spacy"} & set(loaded)  # Alembic loads to upgrade, numpy to place


def test_an_engine_codes_with_a_users_actor_file_given_as_an_argument(tmp_path, monkeypatch):
    """`--actors` reaches the pipeline as an argument (its actors stage's config), not through the environment."""
    user = tmp_path / "my_actors.csv"
    user.write_text("name,aliases,kind,country,sector,affiliation,valid_from,valid_to\n"
                    "Freedom Hawks,Hawks of Freedom,group,TUR,REB,,,\n", encoding="utf-8")
    monkeypatch.delenv("STRIFE_ACTORS", raising=False)
    engine = make_engine("local", actors=str(user))
    assert engine.nlp.get_pipe_config("strife_actors") == {"factory": "strife_actors", "actors": str(user)}
    result = engine.code(Article(text="The Hawks of Freedom attacked a police post in Ankara.", published=dt.date(2020, 5, 9)))
    assert [(a.canonical, a.country, a.sector) for e in result.events for a in e.source] == [("Freedom Hawks", "TUR", "REB")]
    assert "STRIFE_ACTORS" not in os.environ
    with pytest.raises(ValueError, match="cannot read actor file"):
        make_engine("local", actors=str(tmp_path / "missing.csv"))
