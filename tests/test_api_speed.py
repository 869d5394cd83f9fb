"""The API's shortcuts under load give the answers of the long way: totals read off a short page
equal counts, the cache computes a shared answer once however many requests want it, a cached page
is the page and pages stay within their memory budget, the article JSON written field by field is
json.dumps's, filters on quad, ACLED type and confidence read the index alone, the thread cap is
applied, and `strife serve --workers 2` serves real HTTP. Synthetic events, no spaCy."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import anyio.to_thread
import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from strife.api import create_app, reads
from strife.model import Actor, Article, ArticleResult, Event, Place, Span
from strife.store import EventQuery, Store, events, query_filters

STRIFE = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"
COUNTRIES = ("SYR", "YEM", "UKR")


def article(n: int) -> tuple[ArticleResult, str, None]:
    """Article n with two events over three countries and two months; some negated, one in five
    by a rare militia, so filters select pages of every size."""
    day = dt.date(2022, 3, 1) + dt.timedelta(days=n % 61)
    text = f"Report {n}: shelling hit town {n}. Fighting went on."
    meta = Article(id=f"s{n}", text=text, published=day).meta()
    evs = [Event(id=f"{meta.sha256[:12]}-{i + 1}", event_type="FIGHT" if i else "ASSAULT", date=day,
                 source=[Actor(name="Rare Militia" if n % 5 == 0 else "Army", canonical=None)],
                 location=Place(name=f"town {n}", country=COUNTRIES[(n + i) % 3], lat=34.0 + i, lon=38.0),
                 negated=(n + i) % 9 == 0, evidence=Span(start=0, end=len(text), text=text))
           for i in range(2)]
    return ArticleResult(article=meta, events=evs), text, None


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('speed') / 'speed.db'}"
    with Store(url) as store:
        store.add_many([article(n) for n in range(150)])
    return url


@pytest.mark.parametrize("n_rows, limit, offset, expected", [
    (7, 100, 0, 7), (0, 100, 0, 0), (40, 100, 200, 240),  # short pages end the list
    (100, 100, 0, None), (0, 100, 300, None), (0, 0, 0, None),  # full, past the end, or no page
])
def test_a_short_page_tells_the_total(n_rows, limit, offset, expected):
    assert reads.total_from_page(n_rows, limit, offset) == expected


QUERIES = [EventQuery(), EventQuery(country="YEM"), EventQuery(actor="rare militia"),
           EventQuery(country="SYR", event_type="FIGHT", since=dt.date(2022, 3, 10), until=dt.date(2022, 3, 20)),
           EventQuery(actor="no such actor"), EventQuery(include_unreal=True, country="UKR")]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
@pytest.mark.parametrize("limit, offset", [(100, 0), (7, 0), (7, 21), (50, 60), (10, 10_000), (0, 0)])
def test_page_totals_equal_counts(db, query, limit, offset):
    with Store(db) as store:
        counted = reads.count_events(store, query)
        total, rows = reads.event_page(store, query, limit, offset, cache=reads.QueryCache())
        located, features = reads.geo_features(store, query, limit, offset)
        assert counted == located  # every synthetic event has coordinates
    assert total == counted
    assert len(rows) == max(0, min(limit, counted - offset)) == len(features)


def test_the_cache_computes_a_shared_answer_once(db):
    cache, calls, answers = reads.QueryCache(), [], []

    def slow_count() -> int:
        calls.append(threading.get_ident())
        time.sleep(0.3)
        return 42

    with Store(db) as store:
        threads = [threading.Thread(target=lambda: answers.append(cache.get(store, ("count", "q"), slow_count)))
                   for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert answers == [42] * 8
    assert len(calls) == 1


def test_a_failed_computation_is_retried_by_the_next_request(db):
    cache, attempts = reads.QueryCache(), []

    def flaky() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("database went away")
        return "ok"

    with Store(db) as store:
        with pytest.raises(RuntimeError):
            cache.get(store, ("stats", "q"), flaky)
        assert cache.get(store, ("stats", "q"), flaky) == "ok"
        assert cache.get(store, ("stats", "q"), flaky) == "ok"
    assert len(attempts) == 2


def test_the_cache_sees_new_articles(db, tmp_path):
    url = f"sqlite:///{tmp_path / 'grow.db'}"
    cache = reads.QueryCache()
    with Store(url) as store:
        store.add_many([article(n) for n in range(10)])
        before, _ = reads.event_page(store, EventQuery(), 5, 0, cache=cache)
        page_before = json.loads(reads.event_page_json(store, EventQuery(), 5, 0, cache=cache))
        store.add_many([article(n) for n in range(10, 20)])
        after, _ = reads.event_page(store, EventQuery(), 5, 0, cache=cache)
        page_after = json.loads(reads.event_page_json(store, EventQuery(), 5, 0, cache=cache))
    assert after > before > 5
    assert (page_before["total"], page_after["total"]) == (before, after)
    assert page_after["items"] != page_before["items"]  # the newest days came with the new articles


@pytest.mark.parametrize("query", QUERIES, ids=repr)
@pytest.mark.parametrize("limit, offset", [(100, 0), (7, 21), (0, 0)])
def test_a_cached_page_is_the_page(db, query, limit, offset):
    cache = reads.QueryCache()
    with Store(db) as store:
        total, rows = reads.event_page(store, query, limit, offset)
        for _ in range(2):  # computed, then from the cache
            page = json.loads(reads.event_page_json(store, query, limit, offset, cache=cache))
            assert (page["total"], page["limit"], page["offset"]) == (total, limit, offset)
            assert page["items"] == [json.loads(row.item_json()) for row in rows]


def test_cached_pages_stay_within_their_memory_budget(db):
    queries = [EventQuery(country=country) for country in COUNTRIES]
    with Store(db) as store:
        one_page = sys.getsizeof(reads.event_page_json(store, queries[0], 20, 0))
        cache, computed = reads.QueryCache(max_page_bytes=2 * one_page + one_page // 2), []

        def page(query: EventQuery) -> str:
            return cache.get(store, ("page:20:0", repr(query)), lambda: computed.append(query) or
                             reads.event_page_json(store, query, 20, 0))

        for query in [*queries, queries[2], queries[0]]:
            page(query)
    # two pages fit: the third evicts the first, the third again is a hit, the first is computed again
    assert computed == [*queries, queries[0]]


def test_threads_cap_the_thread_pool_and_default_to_the_pool_size(db):
    def tokens(client: TestClient) -> float:
        return client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)

    with TestClient(create_app(db, threads=3)) as client:
        assert tokens(client) == 3
        assert client.get("/api/events", params={"country": "YEM", "limit": 5}).json()["total"] > 5
    with TestClient(create_app(db)) as client:
        assert tokens(client) == client.app.state.store.engine.pool.size() == 5
    with pytest.raises(ValueError, match="threads"):
        create_app(db, threads=0)


def test_serve_rejects_bad_worker_counts(db):
    done = subprocess.run([STRIFE, "serve", "--db", db, "--workers", "0"], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 2 and "--workers" in done.stderr


def worker_processes(parent: int) -> list[str]:
    """The command lines of `parent`'s children that multiprocessing spawned to run a function
    (uvicorn's workers: `spawn_main`), not its resource tracker, which is a child too."""
    children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    lines = [Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode() for pid in children]
    return [line for line in lines if "spawn_main" in line]


@pytest.mark.slow
def test_serve_with_two_workers_answers_real_http(db):
    from tests.test_api import start_server, stop_server

    process, base = start_server(db, "--workers", "2", "--threads", "2")
    try:
        pages = [httpx.get(f"{base}/api/events", params={"actor": "rare militia", "limit": 3}).json() for _ in range(6)]
        workers = worker_processes(process.pid)
    finally:
        err = stop_server(process)
    assert len(workers) == 2, workers
    assert {page["total"] for page in pages} == {reads_total(db, EventQuery(actor="rare militia"))}
    assert all(len(page["items"]) == 3 for page in pages)
    assert process.returncode == 0 and "Traceback" not in err


def reads_total(db: str, query: EventQuery) -> int:
    with Store(db) as store:
        return reads.count_events(store, query)


ODD_TEXTS = ['plain', 'quote " and backslash \\', 'tab\tnew line\ncontrol \x00\x1f', 'Ḥalab — حلب 🚀', '\u2028\u2029', '']


@pytest.mark.parametrize("text", ODD_TEXTS)
@pytest.mark.parametrize("published", [dt.date(2016, 12, 6), None])
def test_article_json_is_what_json_dumps_gives(text, published):
    fields = {"article_id": f"id {text}", "sha256": "ab" * 32, "title": text, "url": None, "publisher": text or None,
              "published": published}
    written = reads.article_ref_json(*fields.values())
    expected = reads.article_ref(SimpleNamespace(**fields))
    assert written == json.dumps(expected, ensure_ascii=False, separators=(",", ":"))
    assert json.loads(written) == expected


FILTERED = [EventQuery(quad="material_conflict", country="SYR"), EventQuery(acled_event_type="battles"),
            EventQuery(min_confidence=0.9, since=dt.date(2022, 3, 5), until=dt.date(2022, 4, 5)),
            EventQuery(quad="verbal_conflict", acled_event_type="Protests", min_confidence=0.5, country="YEM",
                       since=dt.date(2022, 3, 5))]


@pytest.mark.parametrize("query", FILTERED, ids=repr)
def test_quad_acled_type_and_confidence_filters_read_the_index_alone(db, query):
    """Revision 0005's columns: the page's keys and the count come from a real-event index, with
    no lookup of each candidate's row (SQLite says COVERING INDEX; without them it said INDEX)."""
    with Store(db) as store, store.engine.connect() as conn:
        where = query_filters(conn, query, every_match=True)
        for stmt in (select(events.c.pk).where(*where).order_by(*reads.NEWEST_FIRST).limit(100),
                     select(func.count()).select_from(events).where(*where)):
            compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
            plan = " / ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
            assert "USING COVERING INDEX ix_events_real_" in plan, plan
