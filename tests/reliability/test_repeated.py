"""Repeated input: a stored article is never coded again, `--recode` replaces its records, and a
PostgreSQL restart in the middle of an ingest neither loses nor doubles an article.

"Never coded" is proven by counting what the engine is handed, not by timing (the speed-up is
`bench/hostile.py`).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import Iterable, Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from strife.engine import Coded, LocalEngine
from strife.ingest import InputProblem, ReadResult, Skipped
from strife.ingest.language import language_identifier
from strife.intake import Known, code_and_store
from strife.model import Article
from strife.store import Store, articles, events, incidents
from tests.conftest_pg import PostgresServer, create_database, find_pg_bin
from tests.reliability.badinputs import report

N = 12


class CountingEngine:
    """An engine that records every article it is asked to code (and can drop events, as a new model might)."""

    def __init__(self, engine, keep_events: int | None = None):
        self.engine, self.keep_events, self.coded = engine, keep_events, []

    def run(self, items: Iterable[ReadResult]) -> Iterator:
        for outcome in self.engine.run(self._counted(items)):
            if isinstance(outcome, Coded) and self.keep_events is not None:
                outcome.result.events = outcome.result.events[:self.keep_events]
            yield outcome

    def _counted(self, items: Iterable[ReadResult]) -> Iterator[ReadResult]:
        for item in items:
            if isinstance(item, Article):
                self.coded.append(item.sha256)
            yield item


def batch(n: int = N, start: int = 0) -> list[Article]:
    return [Article(id=f"a{k}", text=report(k), published=dt.date(2020, 5, 11)) for k in range(start, start + n)]


def placed_consistently(store: Store) -> None:
    """Every real event is in an incident and every incident counts exactly its events."""
    assert store.check() == [] and store.unplaced_events() == 0
    with store.engine.connect() as conn:
        members = dict(conn.execute(select(events.c.incident_id, func.count()).where(events.c.incident_id.is_not(None))
                                    .group_by(events.c.incident_id)).all())
        counted = dict(conn.execute(select(incidents.c.incident_id, incidents.c.n_sources)).all())
    assert members == counted


def test_stored_articles_are_looked_up_and_never_coded_again(db_url, engine):
    counting = CountingEngine(engine)
    with Store(db_url) as store:
        first = list(code_and_store(store, counting, batch()))
        assert len(counting.coded) == N and all(item.stored.stored for item in first)
        before = store.counts()
        counting.coded.clear()
        new = Article(id="new", text=report(99))
        again = list(code_and_store(store, counting, [*batch(), InputProblem("x.txt", "broken"), new]))
        assert counting.coded == [new.sha256]  # the engine never saw the stored ones
        assert [type(item.outcome) for item in again[:N]] == [Known] * N
        assert all(item.problem is None and not item.stored.stored for item in again[:N])
        assert [item.stored.n_events for item in again[:N]] == [item.stored.n_events for item in first]
        assert again[N].problem.message == "broken" and again[N + 1].stored.stored
        assert store.counts()["articles"] == before["articles"] + 1


def test_recode_codes_again_and_leaves_one_copy_of_each_article_and_its_events(db_url, engine):
    with Store(db_url) as store:
        list(code_and_store(store, engine, batch()))
        placed_consistently(store)
        before = store.counts()
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(incidents)).scalar_one() > 0
        newer_model = CountingEngine(engine, keep_events=0)  # a model that finds nothing: every event must go
        recoded = list(code_and_store(store, newer_model, batch(), recode=True))
        assert len(newer_model.coded) == N
        assert all(item.stored.recoded and not item.stored.stored and item.problem is None for item in recoded)
        assert store.counts()["articles"] == N and store.counts()["events"] == 0
        with store.engine.connect() as conn:
            assert set(conn.execute(select(articles.c.n_events)).scalars()) == {0}
            assert all(not json.loads(r)["events"] for r in conn.execute(select(articles.c.result)).scalars())
            assert conn.execute(select(func.count()).select_from(incidents)).scalar_one() == 0  # none left empty
        placed_consistently(store)
        again = CountingEngine(engine)
        list(code_and_store(store, again, batch(), recode=True))
        assert len(again.coded) == N and store.counts() == before  # one copy of each article and its events
        placed_consistently(store)


class LaterDates(CountingEngine):
    """A model that dates every event a year later: a recoded event then joins nothing it had joined."""

    def run(self, items: Iterable[ReadResult]) -> Iterator:
        for outcome in super().run(items):
            if isinstance(outcome, Coded):
                outcome.result.events = [event.model_copy(update={"date": event.date + dt.timedelta(days=365),
                                                                  "date_end": None}) if event.date else event
                                         for event in outcome.result.events]
            yield outcome


def test_recoding_the_founder_of_an_incident_other_sources_still_hold(db_url, engine):
    """The recoded event gets its old id back, and the incident it founded (named after that id) is
    still held by the other source: the event, a year off now, founds an incident of its own."""
    first = Article(id="first", text=report(1), published=dt.date(2020, 5, 11))
    second = Article(id="second", text=f"{report(1)} Residents confirmed the toll.", published=dt.date(2020, 5, 11))
    with Store(db_url) as store:
        list(code_and_store(store, engine, [first, second]))
        with store.engine.connect() as conn:
            assert conn.execute(select(incidents.c.n_sources)).scalars().all() == [2]  # one incident, two sources
        (item,) = code_and_store(store, LaterDates(engine), [first], recode=True)
        assert item.stored.recoded and item.problem is None
        placed_consistently(store)
        with store.engine.connect() as conn:
            assert sorted(conn.execute(select(incidents.c.n_sources)).scalars()) == [1, 1]


def test_a_re_ingest_of_stored_articles_never_loads_the_pipeline(db_url, engine):
    """A crawl that overlaps yesterday's: with every article stored, spaCy is not even loaded."""
    with Store(db_url) as store:
        list(code_and_store(store, engine, batch()))
        fresh = LocalEngine()
        again = list(code_and_store(store, fresh, batch()))
        assert [type(item.outcome) for item in again] == [Known] * N
        assert not fresh.loaded
        (new,) = code_and_store(store, fresh, [Article(id="new", text=report(98))])
        assert new.stored.stored and fresh.loaded


def test_stored_articles_are_looked_up_before_their_language_is_identified(db_url, engine):
    """The language model loads only for an article not stored yet; one in another language is
    still skipped, after the look-up."""
    french = Article(id="fr", text="Des rebelles ont bombardé un village lundi, tuant trois civils selon les "
                                   "autorités locales, qui ont annoncé une enquête sur cette attaque.")
    with Store(db_url) as store:
        list(code_and_store(store, engine, batch(), language="en"))
        language_identifier.cache_clear()
        again = list(code_and_store(store, engine, batch(), language="en"))
        assert [type(item.outcome) for item in again] == [Known] * N
        assert language_identifier.cache_info().currsize == 0  # never identified
        (skipped,) = code_and_store(store, engine, [french], language="en")
        assert isinstance(skipped.outcome, Skipped) and skipped.outcome.language == "fr"


def test_an_engine_without_its_spacy_pipeline_fails_at_once():
    """Loading waits for the first article, but a missing pipeline is still an error up front."""
    with pytest.raises(ValueError, match="is not installed"):
        LocalEngine(model="no_such_spacy_pipeline")


# The command line's skip and `--recode` over a real database: tests/test_cli.py
# (test_ingest_twice_changes_nothing_events_query_and_recode_replaces), which ingests the examples once for both.


# ------------------------------------------------------------------ PostgreSQL restarted mid-ingest
RESTART_ARTICLES = 1500


class StubEngine:
    """Codes instantly (one real coded event, re-identified per article), and at article `stop_at`
    stops the PostgreSQL server, starting it again `down_for` seconds later."""

    def __init__(self, template, server: PostgresServer, stop_at: int, down_for: float = 2.0):
        self.template, self.server, self.stop_at, self.down_for = template, server, stop_at, down_for

    def run(self, items: Iterable[ReadResult]) -> Iterator:
        for number, item in enumerate(items, start=1):
            if number == self.stop_at:
                _pg_ctl(self.server, "stop", "-m", "fast", "-w")
                threading.Timer(self.down_for, _start_again, (self.server,)).start()
            if isinstance(item, Article):
                yield Coded(item, self._result(item))
            else:
                yield item

    def _result(self, article: Article):
        meta = article.meta()
        coded = [event.model_copy(update={"id": f"{meta.sha256[:12]}-{n}"}) for n, event in enumerate(self.template.events, 1)]
        return self.template.model_copy(update={"article": meta, "events": coded})


def _pg_ctl(server: PostgresServer, *args: str) -> None:
    server._run("pg_ctl", "-D", str(server.data_dir / "cluster"), *args)


def _start_again(server: PostgresServer) -> None:
    options = (f"-p {server.port} -k {server.data_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    _pg_ctl(server, "-o", options, "-l", str(server.data_dir / "server.log"), "-w", "start")


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this test alone: it is stopped and started mid-test."""
    server = PostgresServer(find_pg_bin())
    try:
        server.start()
    except Exception as error:  # noqa: BLE001 - reported as the test's failure, with the reason
        server.stop()
        pytest.fail(f"cannot start a PostgreSQL server: {error}", pytrace=False)
    yield server
    server.stop()


def test_a_postgresql_restart_mid_ingest_loses_and_doubles_nothing(own_server, engine):
    url = create_database(own_server, "restart")
    template = engine.code(Article(text=report(3), published=dt.date(2020, 5, 11)))
    stub = StubEngine(template, own_server, stop_at=RESTART_ARTICLES // 2)
    texts = [Article(id=f"r{k}", text=f"{report(3)} Dispatch {k}.", published=dt.date(2020, 5, 11))  # evidence at its offsets
             for k in range(RESTART_ARTICLES)]
    with Store(url) as store:
        failures = _count_failed_writes(store)
        # incidents=False: 1,500 copies of one event would all join one incident, which is dedup's
        # worst case and not what is tested here
        outcomes = list(code_and_store(store, stub, texts, max_articles=50, max_seconds=60, incidents=False))
        assert failures["n"] >= 1  # the restart did hit a write, which waited and went through
        assert len(outcomes) == RESTART_ARTICLES and all(item.problem is None and item.stored.stored for item in outcomes)
        counts = store.counts()
        assert counts["articles"] == RESTART_ARTICLES and counts["events"] == RESTART_ARTICLES * len(template.events)
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count(func.distinct(articles.c.sha256)))).scalar_one() == RESTART_ARTICLES
        assert store.check() == []


def _count_failed_writes(store: Store) -> dict:
    """Count the batch writes that met the stopped server (`Store.add_many` raising)."""
    failures = {"n": 0}
    add_many = store.add_many

    def counted(*args, **kwargs):
        try:
            return add_many(*args, **kwargs)
        except OperationalError:
            failures["n"] += 1
            raise

    store.add_many = counted  # type: ignore[method-assign]
    return failures
