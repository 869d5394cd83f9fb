"""API security (issue 13): SQL injection in every filter, token handling, and a bounded load on a real server.

Injection: each payload is sent in every query and path parameter of every read endpoint, on
SQLite and PostgreSQL. A parameter the spec types (a date, an ISO3 code, a number, an enum) must
refuse it with a 422 naming the parameter; a free-text one must give exactly the no-match answer.
Afterwards every table is still there with the same rows. Load: 50 concurrent clients x 4 mixed
requests against `strife serve` on 127.0.0.1, all answered without an error (no timing is asserted;
`bench/api_load.py` measures latency).
"""

from __future__ import annotations

import concurrent.futures
import random

import httpx
import pytest
from fastapi.testclient import TestClient

from strife.api import create_app
from strife.store import Store
from tests.test_api import (  # noqa: F401 - the fixtures: the Aleppo article coded once, stored on both backends
    TOKEN,
    aleppo_result,
    backend,
    pg_db,
    sqlite_db,
    start_server,
    stop_server,
)

PAYLOADS = [
    "' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE events; --", "SYR' --", "%' OR 1=1 --", "\") OR (\"1\"=\"1",
    "' UNION SELECT sql, sql FROM sqlite_master --", "'; SELECT pg_sleep(5); --", "1) OR (1=1", "%", "_", "\\",
    "ASSAULT' OR event_type LIKE '%", "2016-12-06' OR '1'='1", "0 OR 1=1", "aleppo' --",
]
FREE_TEXT = ("admin1", "acled_type", "actor", "q", "incident")
TYPED = ("country", "type", "quad", "since", "until", "bbox", "min_confidence", "include_unreal", "limit", "offset",
         "format", "compact")
ENDPOINTS = {"/api/events": (*FREE_TEXT, *TYPED), "/api/stats": (*FREE_TEXT, *TYPED[:8]),
             "/api/actors": (*FREE_TEXT, *TYPED[:8], "top"), "/api/network": (*FREE_TEXT, *TYPED[:8]),
             "/api/incidents": ("incident", "country", "type", "since", "until", "bbox", "limit", "offset", "min_sources")}


def nothing(path: str, body: dict) -> bool:
    """Whether an answer is the no-match answer of its endpoint."""
    if path == "/api/events":
        return body["total"] == 0 and body["items"] == []
    if path == "/api/stats":
        return body["events"] == 0 and body["per_day"] == [] and body["per_country"] == {}
    if path == "/api/actors":
        return body["items"] == []
    if path == "/api/network":
        return body["nodes"] == [] and body["edges"] == []
    return body["total"] == 0 and body["items"] == []


@pytest.fixture(scope="module")
def guarded(backend):
    with TestClient(create_app(backend), raise_server_exceptions=False) as test_client:
        yield test_client


def test_injection_in_every_filter_gives_no_match_or_a_422(guarded, backend):
    with Store(backend) as store:
        before = store.counts()
    tried = 0
    for path, names in ENDPOINTS.items():
        for name in names:
            for payload in PAYLOADS:
                answer = guarded.get(path, params={name: payload})
                tried += 1
                context = f"{path}?{name}={payload!r}: {answer.status_code} {answer.text[:200]}"
                if name in FREE_TEXT:
                    assert answer.status_code == 200 and nothing(path, answer.json()), context
                else:
                    assert answer.status_code == 422, context
                    assert f"'{name}'" in answer.json()["error"], context
    for path in ("/api/events/{}", "/api/articles/{}"):
        for payload in PAYLOADS:
            answer = guarded.get(path.format(httpx.URL(path="/" + payload.replace("/", "%2F")).raw_path.decode()[1:]))
            tried += 1
            assert answer.status_code == 404 and answer.json()["status"] == 404, f"{path} {payload!r}: {answer.text}"
    with Store(backend) as store:
        assert store.counts() == before  # every table still there, not one row changed
    assert tried > 900


def test_injection_in_posted_fields_is_stored_as_text(tmp_path, engine):
    payload = "x'); DROP TABLE articles; --"
    with TestClient(create_app(str(tmp_path / "post.db"), token=TOKEN, engine=engine)) as test_client:
        answer = test_client.post("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"},
                                  json={"text": f"Rebels shelled Aleppo on Monday. {payload}", "title": payload,
                                        "publisher": payload, "url": payload})
        assert answer.status_code == 201
        listing = test_client.get("/api/articles").json()
    assert listing["total"] == 1 and listing["items"][0]["title"] == payload


def test_token_is_compared_whole_and_never_echoed(tmp_path):
    with TestClient(create_app(str(tmp_path / "token.db"), token=TOKEN)) as test_client:
        for wrong in (TOKEN[:-1], TOKEN + "x", TOKEN.upper(), "", TOKEN[:1], "é" * 5, TOKEN + "\x00"):
            answer = test_client.post("/api/articles", json={"text": "x"},
                                      headers={"Authorization": f"Bearer {wrong}".encode()})
            assert answer.status_code == 401, wrong
            assert TOKEN not in answer.text
        assert test_client.post("/api/articles", json={"text": "x"}, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401


def test_responses_carry_security_headers_and_no_server_banner(sqlite_db):
    with TestClient(create_app(sqlite_db)) as test_client:
        headers = test_client.get("/api/health").headers
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert "access-control-allow-origin" not in headers


def mixed_requests(rng: random.Random, n: int) -> list[tuple[str, dict]]:
    """Requests like the web page's: pages, filters, the map layer, stats, single events."""
    choices = [
        ("/api/events", {}), ("/api/events", {"country": "SYR"}), ("/api/events", {"type": "ASSAULT", "limit": 5}),
        ("/api/events", {"format": "geojson", "compact": 1, "limit": 10000}), ("/api/stats", {}),
        ("/api/stats", {"since": "2016-12-01"}), ("/api/events", {"bbox": "35,34,39,38", "min_confidence": 0.5}),
        ("/api/actors", {"top": 10}), ("/api/articles", {}), ("/api/events", {"q": "killed"}),
        ("/api/health", {}), ("/api/network", {}), ("/api/events", {"format": "csv"}),
    ]
    return [rng.choice(choices) for _ in range(n)]


@pytest.mark.slow
def test_fifty_concurrent_clients_get_no_errors(sqlite_db):
    process, base = start_server(sqlite_db)
    rng = random.Random(13)
    plans = [mixed_requests(rng, 4) for _ in range(50)]

    def client(plan: list[tuple[str, dict]]) -> list[int]:
        with httpx.Client(base_url=base, timeout=60) as http:
            return [http.get(path, params=params).status_code for path, params in plan]

    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
            statuses = [status for result in pool.map(client, plans) for status in result]
    finally:
        stop_server(process)
    assert len(statuses) == 200
    assert statuses == [200] * 200
