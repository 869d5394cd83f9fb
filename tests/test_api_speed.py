"""The API's shortcuts under load give the answers of the long way: totals read off a short page
equal counts, the cache computes a shared answer once however many requests want it, the thread
cap is applied, and `strife serve --workers 2` serves real HTTP. Synthetic events, no spaCy."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import anyio.to_thread
import httpx
import pytest
from fastapi.testclient import TestClient

from strife.api import create_app, reads
from strife.model import Actor, Article, ArticleResult, Event, Place, Span
from strife.store import EventQuery, Store

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
        store.add_many([article(n) for n in range(10, 20)])
        after, _ = reads.event_page(store, EventQuery(), 5, 0, cache=cache)
    assert after > before > 5


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


@pytest.mark.slow
def test_serve_with_two_workers_answers_real_http(db):
    from tests.test_api import start_server, stop_server

    process, base = start_server(db, "--workers", "2", "--threads", "2")
    try:
        pids = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        pages = [httpx.get(f"{base}/api/events", params={"actor": "rare militia", "limit": 3}).json() for _ in range(6)]
    finally:
        err = stop_server(process)
    assert len(pids) >= 2  # the workers (and multiprocessing's resource tracker)
    assert {page["total"] for page in pages} == {reads_total(db, EventQuery(actor="rare militia"))}
    assert all(len(page["items"]) == 3 for page in pages)
    assert process.returncode == 0 and "Traceback" not in err


def reads_total(db: str, query: EventQuery) -> int:
    with Store(db) as store:
        return reads.count_events(store, query)
