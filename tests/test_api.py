"""The HTTP API (`strife.api`) over a real database holding the coded Aleppo article.

The article is coded once per module with the real engine and stored in a SQLite file and in a
PostgreSQL database; the read tests run against both (`backend` fixture). Requests go through
FastAPI's TestClient (httpx, in process); `test_serve_*` starts a real `strife serve` process.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from strife.api import create_app
from strife.model import Article, ArticleResult, Event
from strife.network import actor_table
from strife.store import EventQuery, Store

PUBLISHED = dt.date(2016, 12, 6)
TOKEN = "s3cret-token-for-tests"
STRIFE = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"


@pytest.fixture(scope="module")
def aleppo_result(engine, aleppo_text) -> ArticleResult:
    return engine.code(Article(id="aleppo", text=aleppo_text, published=PUBLISHED, title="Aleppo",
                               publisher="Example Wire", url="https://example.org/aleppo"))


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory, aleppo_result, aleppo_text) -> str:
    path = tmp_path_factory.mktemp("api") / "aleppo.db"
    with Store(str(path)) as store:
        store.add(aleppo_result, aleppo_text)
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def pg_db(aleppo_result, aleppo_text, request) -> str:
    from tests.conftest_pg import create_database

    server = request.getfixturevalue("pg_server")
    url = create_database(server, f"strife_api_{os.getpid()}")
    with Store(url) as store:
        store.add(aleppo_result, aleppo_text)
    return url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")


@pytest.fixture(scope="module")
def client(backend):
    with TestClient(create_app(backend), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def sqlite_client(sqlite_db):
    with TestClient(create_app(sqlite_db), raise_server_exceptions=False) as test_client:
        yield test_client


def stored_events(url: str, **filters) -> list[Event]:
    with Store(url) as store:
        return list(store.events(EventQuery(**filters)))


# ------------------------------------------------------------------------------------ reads
def test_events_page_holds_every_real_event_newest_first(client, backend, aleppo_result):
    answer = client.get("/api/events")
    assert answer.status_code == 200
    page = answer.json()
    expected = stored_events(backend)
    assert page["total"] == len(expected) > 5
    assert {item["id"] for item in page["items"]} == {ev.id for ev in expected}
    days = [item["date"] or "" for item in page["items"]]
    assert days == sorted(days, reverse=True)
    first = page["items"][0]
    assert first["article"] == {"id": "aleppo", "sha256": aleppo_result.article.sha256, "title": "Aleppo",
                                "url": "https://example.org/aleppo", "publisher": "Example Wire",
                                "published": "2016-12-06"}
    Event.model_validate({k: v for k, v in first.items() if k != "article"})  # the output contract, unchanged


def test_pagination_walks_all_events_once(client):
    total = client.get("/api/events", params={"limit": 0}).json()["total"]
    seen = []
    for offset in range(0, total, 3):
        page = client.get("/api/events", params={"limit": 3, "offset": offset}).json()
        assert page["limit"] == 3 and page["offset"] == offset and page["total"] == total
        seen += [item["id"] for item in page["items"]]
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize("params, key", [
    ({"country": "SYR"}, {"country": "SYR"}),
    ({"country": "syr"}, {"country": "SYR"}),
    ({"type": "ASSAULT"}, {"event_type": "ASSAULT"}),
    ({"since": "2016-12-05", "until": "2016-12-06"}, {"since": dt.date(2016, 12, 5), "until": dt.date(2016, 12, 6)}),
    ({"bbox": "36.5,35.5,37.5,36.5"}, {"bbox": (36.5, 35.5, 37.5, 36.5)}),
    ({"include_unreal": "true"}, {"include_unreal": True}),
    ({"min_confidence": "0.6"}, {"min_confidence": 0.6}),
    ({"quad": "MATCON"}, {"quad": "material_conflict"}),
    ({"quad": "VERBCON"}, {"quad": "verbal_conflict"}),
])
def test_filters_select_what_the_store_selects(client, backend, params, key):
    expected = {ev.id for ev in stored_events(backend, **key)}
    got = {item["id"] for item in client.get("/api/events", params={**params, "limit": 10000}).json()["items"]}
    assert got == expected
    assert expected, f"{params} should match something in the Aleppo article"


def test_acled_type_admin1_and_text_filters(client, backend):
    everything = stored_events(backend)
    battles = {ev.id for ev in everything if (ev.acled_event_type or "").lower() == "battles"}
    assert {i["id"] for i in client.get("/api/events", params={"acled_type": "battles"}).json()["items"]} == battles
    region = next(ev.location.admin1 for ev in everything if ev.location and ev.location.admin1)
    in_region = {ev.id for ev in everything if ev.location and (ev.location.admin1 or "").lower() == region.lower()}
    assert {i["id"] for i in client.get("/api/events", params={"admin1": region.upper()}).json()["items"]} == in_region
    word = "killed"
    with_word = {ev.id for ev in everything if word in ev.evidence.text.lower()}
    assert with_word
    assert {i["id"] for i in client.get("/api/events", params={"q": word.upper()}).json()["items"]} == with_word


def test_date_precision_filter(client, backend):
    everything = stored_events(backend)
    by_day = {ev.id for ev in everything if ev.date_precision == "day"}
    month_or_week = {ev.id for ev in everything if ev.date_precision in ("month", "week")}
    assert by_day and month_or_week
    assert {i["id"] for i in client.get("/api/events", params={"precision": "day", "limit": 10000}).json()["items"]} == by_day
    several = client.get("/api/events", params=[("precision", "month"), ("precision", "week"), ("limit", "10000")])
    assert {i["id"] for i in several.json()["items"]} == month_or_week
    assert client.get("/api/events", params={"precision": "fortnightly"}).status_code == 422


def test_actor_filter_by_name_and_by_stable_id(client, backend):
    with Store(backend) as store:
        top = actor_table(store, top=1)[0]
    by_id = client.get("/api/events", params={"actor": top.id, "limit": 10000}).json()
    assert by_id["total"] == top.events
    by_name = {i["id"] for i in client.get("/api/events", params={"actor": top.canonical.lower()}).json()["items"]}
    assert {i["id"] for i in by_id["items"]} <= by_name
    assert client.get("/api/events", params={"actor": "a000000000000"}).json()["total"] == 0


def test_one_event_with_its_evidence(client, aleppo_text):
    first = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    answer = client.get(f"/api/events/{first['id']}")
    assert answer.status_code == 200
    event = answer.json()
    assert event == first
    assert aleppo_text[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]


@pytest.mark.parametrize("path, says", [
    ("/api/events/no-such-event", "no event with id 'no-such-event'"),
    ("/api/articles/no-such-article", "no article with id or sha256 'no-such-article'"),
    ("/api/nothing-here", "not found: /api/nothing-here"),
])
def test_unknown_event_article_and_path_are_404_json(client, path, says):
    """Each 404 is the JSON error body naming what was not found, the unknown route's included."""
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.json() == {"status": 404, "error": says}


def test_geojson_full_and_compact(client, backend):
    located = [ev for ev in stored_events(backend) if ev.location and ev.location.lat is not None]
    full = client.get("/api/events", params={"format": "geojson", "limit": 10000})
    assert full.headers["content-type"].startswith("application/geo+json")
    collection = full.json()
    assert collection["type"] == "FeatureCollection" and collection["total"] == len(located)
    by_id = {f["id"]: f for f in collection["features"]}
    for ev in located:
        feature = by_id[ev.id]
        assert feature["geometry"]["coordinates"] == [ev.location.lon, ev.location.lat]
        assert feature["properties"]["evidence"] == ev.evidence.text
        assert feature["properties"]["location"] == ev.location.name
    places = {f["properties"]["location"] for f in collection["features"]}
    assert {"Aleppo", "Idlib", "Mosul"} <= places
    compact = client.get("/api/events", params={"format": "geojson", "compact": 1, "limit": 10000}).json()
    assert set(compact["features"][0]["properties"]) == {"id", "event_type", "quad", "acled_event_type", "date", "fatalities"}
    assert [f["id"] for f in compact["features"]] == [f["id"] for f in collection["features"]]


def test_csv_is_acled_shaped(client, backend):
    answer = client.get("/api/events", params={"format": "csv", "limit": 10000})
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    with_acled = [ev for ev in stored_events(backend) if ev.acled_event_type]
    assert len(rows) == len(with_acled) > 0
    assert {"event_date", "event_type", "actor1", "latitude", "fatalities", "notes"} <= set(rows[0])


def test_articles_list_and_detail_with_spans(client, aleppo_result, aleppo_text):
    listing = client.get("/api/articles").json()
    assert listing["total"] == 1
    assert listing["items"][0]["id"] == "aleppo" and listing["items"][0]["n_events"] == len(aleppo_result.events)
    for key in ("aleppo", aleppo_result.article.sha256):
        detail = client.get(f"/api/articles/{key}").json()
        assert detail["text"] == aleppo_text
        result = ArticleResult.model_validate(detail["result"])
        assert [e.id for e in result.events] == [e.id for e in aleppo_result.events]
        for ev in result.events:
            assert detail["text"][ev.evidence.start:ev.evidence.end] == ev.evidence.text


def test_actors_network_stats_health(client, backend):
    actors = client.get("/api/actors", params={"top": 3}).json()["items"]
    with Store(backend) as store:
        expected = [row.to_dict() for row in actor_table(store, top=3)]
    assert actors == expected
    graph = client.get("/api/network").json()
    assert graph["directed"] is True and {n["id"] for n in graph["nodes"]} >= {a["id"] for a in actors}
    stats = client.get("/api/stats").json()
    events = stored_events(backend)
    assert stats["events"] == len(events) == sum(d["events"] for d in stats["per_day"])
    assert stats["fatalities"] == sum(d["fatalities"] for d in stats["per_day"]) > 0
    assert stats["per_country"]["SYR"] == sum(1 for ev in events if ev.location and ev.location.country == "SYR")
    assert stats["date_range"][0] <= stats["date_range"][1] <= "2016-12-06"
    assert client.get("/api/stats", params={"country": "IRQ"}).json()["events"] < stats["events"]
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["articles"] == 1 and health["backend"] in backend


def test_incidents_after_update(client, backend):
    with Store(backend) as store:
        store.update_incidents()
        expected = store.incidents()
    answer = client.get("/api/incidents").json()
    assert answer["total"] == len(expected)
    assert [i["id"] for i in answer["items"]] == [i.id for i in expected]


# ------------------------------------------------------------------------------------- errors
@pytest.mark.parametrize("params, named", [
    ({"limit": "10001"}, "limit"), ({"limit": "-1"}, "limit"), ({"offset": "x"}, "offset"),
    ({"since": "2016-13-45"}, "since"), ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "10,0,5,1"}, "bbox"),
    ({"bbox": "0,95,1,96"}, "bbox"), ({"country": "SYRIA"}, "country"), ({"type": "BOMBING"}, "type"),
    ({"min_confidence": "2"}, "min_confidence"), ({"min_confidence": "nan"}, "min_confidence"),
    ({"format": "xml"}, "format"), ({"since": "2017-01-01", "until": "2016-01-01"}, "since"),
    ({"q": "a\x00b"}, "q"), ({"actor": "x" * 201}, "actor"),
])
def test_bad_parameters_are_422_naming_the_parameter(sqlite_client, params, named):
    answer = sqlite_client.get("/api/events", params=params)
    assert answer.status_code == 422
    body = answer.json()
    assert body["status"] == 422 and f"'{named}'" in body["error"] and "\n" not in body["error"]
    assert "Traceback" not in answer.text


def test_server_error_is_one_json_line_without_traceback(sqlite_db):
    app = create_app(sqlite_db)

    def boom():
        raise RuntimeError("secret internal detail")

    app.add_api_route("/api/boom", boom)
    app.router.routes.insert(0, app.router.routes.pop())  # before the page's catch-all route

    with TestClient(app, raise_server_exceptions=False) as test_client:
        answer = test_client.get("/api/boom")
    assert answer.status_code == 500
    assert answer.json() == {"error": "internal server error (the details are in the server log)", "status": 500}
    assert "secret" not in answer.text


def test_web_page_503_when_not_built_and_served_when_built(sqlite_db, tmp_path):
    with TestClient(create_app(sqlite_db, web_dir=tmp_path / "missing")) as test_client:
        answer = test_client.get("/")
        assert answer.status_code == 503 and "strife doctor" in answer.json()["error"]
        assert test_client.get("/api/health").status_code == 200
    (tmp_path / "dist" / "assets").mkdir(parents=True)
    (tmp_path / "dist" / "index.html").write_text("<html>strife</html>")
    (tmp_path / "dist" / "assets" / "app.js").write_text("console.log(1)")
    (tmp_path / "secret.txt").write_text("outside")
    with TestClient(create_app(sqlite_db, web_dir=tmp_path / "dist")) as test_client:
        assert test_client.get("/").text == "<html>strife</html>"
        assert test_client.get("/assets/app.js").text == "console.log(1)"
        assert test_client.get("/../secret.txt").status_code == 404
        assert test_client.get("/%2e%2e/secret.txt").status_code == 404


# ------------------------------------------------------------------------------------- writes
def test_writes_are_off_without_a_token(sqlite_db):
    with TestClient(create_app(sqlite_db)) as test_client:
        answer = test_client.post("/api/articles", json={"text": "Rebels shelled Aleppo on Monday."})
    assert answer.status_code == 403 and "--token" in answer.json()["error"]


def test_post_needs_the_right_token_and_stores_once(tmp_path, engine):
    db = str(tmp_path / "posted.db")
    text = "Rebels shelled a village near Aleppo on Monday, killing three civilians, officials said."
    with TestClient(create_app(db, token=TOKEN, engine=engine)) as test_client:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
            answer = test_client.post("/api/articles", json={"text": text}, headers=headers)
            assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert test_client.get("/api/stats").json()["events"] == 0  # now cached; storing must refresh it
        first = test_client.post("/api/articles", json={"text": text, "published": "2016-12-05", "title": "t"}, headers=auth)
        assert first.status_code == 201, first.text
        stored = first.json()["stored"][0]
        assert stored["new"] is True and stored["n_events"] >= 1 and first.json()["rejected"] == []
        again = test_client.post("/api/articles", json=[{"text": text}], headers=auth)
        assert again.status_code == 200 and again.json()["stored"][0]["new"] is False
        events = test_client.get("/api/events").json()
        assert events["total"] == stored["n_events"] and events["items"][0]["article"]["title"] == "t"
        assert test_client.get("/api/stats").json()["events"] == stored["n_events"]


def test_post_batch_reports_each_bad_item_and_stores_the_rest(tmp_path, engine):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    lines = [json.dumps({"text": "Protesters marched in Kabul on Friday."}), "{broken", json.dumps({"txt": "x"}),
             json.dumps({"text": "Police arrested 12 protesters in Lagos.", "published": "2016-13-45"}),
             json.dumps({"text": "Gunmen killed five soldiers in Maiduguri on Sunday."})]
    with TestClient(create_app(str(tmp_path / "batch.db"), token=TOKEN, engine=engine)) as test_client:
        answer = test_client.post("/api/articles", content="\n".join(lines),
                                  headers={**auth, "Content-Type": "application/x-ndjson"})
        assert answer.status_code == 201
        body = answer.json()
        assert [r["index"] for r in body["rejected"]] == [1, 2, 3]
        assert "not JSON" in body["rejected"][0]["error"] and "text" in body["rejected"][1]["error"]
        assert "published" in body["rejected"][2]["error"]
        assert len(body["stored"]) == 2
        for bad in (b"not json", b"\xff\xfe", b"42"):
            answer = test_client.post("/api/articles", content=bad, headers={**auth, "Content-Type": "application/json"})
            assert answer.status_code == 400 and answer.json()["status"] == 400


def test_post_replaces_nul_as_the_readers_do_and_rejects_a_lone_surrogate(tmp_path, engine):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    nul = '{"text": "Gunmen killed five soldiers in Maiduguri on Sunday.\\u0000", "title": "a\\u0000b"}'
    half_emoji = '{"text": "Gunmen killed five soldiers in Maiduguri on Sunday. \\ud83d"}'
    with TestClient(create_app(str(tmp_path / "nul.db"), token=TOKEN, engine=engine)) as test_client:
        answer = test_client.post("/api/articles", content=nul, headers=auth)
        assert answer.status_code == 201, answer.text
        article = test_client.get(f"/api/articles/{answer.json()['stored'][0]['sha256']}").json()
        refused = test_client.post("/api/articles", content=half_emoji, headers=auth).json()
    assert "\x00" not in article["text"] and article["text"].endswith("Sunday.\ufffd")
    assert article["title"] == "a\ufffdb"
    assert refused["stored"] == [] and refused["rejected"][0]["error"].startswith("text: ")


def test_body_over_the_limit_is_413_even_without_content_length(tmp_path):
    with TestClient(create_app(str(tmp_path / "limit.db"), token=TOKEN, max_body_bytes=1000)) as test_client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        declared = test_client.post("/api/articles", json={"text": "x" * 5000}, headers=auth)
        assert declared.status_code == 413 and declared.json()["status"] == 413

        def chunks():
            for _ in range(10):
                yield b'{"text": "' + b"y" * 500
        streamed = test_client.post("/api/articles", content=chunks(), headers=auth)
        assert streamed.status_code == 413 and "limit" in streamed.json()["error"]


def test_lock_reads_puts_reads_behind_the_token(sqlite_db):
    with pytest.raises(ValueError, match="token"):
        create_app(sqlite_db, lock_reads=True)
    with TestClient(create_app(sqlite_db, token=TOKEN, lock_reads=True)) as test_client:
        for path in ("/api/events", "/api/stats", "/api/health", "/api/articles/aleppo"):
            assert test_client.get(path).status_code == 401
            assert test_client.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert test_client.get("/openapi.json").status_code == 200


def test_cors_off_by_default_and_on_for_listed_origins(sqlite_db):
    origin = {"Origin": "http://elsewhere.example"}
    with TestClient(create_app(sqlite_db)) as test_client:
        assert "access-control-allow-origin" not in test_client.get("/api/health", headers=origin).headers
    with TestClient(create_app(sqlite_db, cors_origins=["http://elsewhere.example"])) as test_client:
        assert test_client.get("/api/health", headers=origin).headers["access-control-allow-origin"] == "http://elsewhere.example"
        other = test_client.get("/api/health", headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in other.headers


# ------------------------------------------------------------------------------ a real server
def free_port() -> int:
    from tests.conftest_pg import free_port as pick

    return pick()


def start_server(db: str, *args: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`strife serve` in a subprocess on a free loopback port; returns it and its base URL once it answers."""
    port = free_port()
    command = [STRIFE, "serve", "--db", db, "--port", str(port), *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"strife serve exited {process.returncode}: {process.stderr.read()}")
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code in (200, 401):
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("strife serve did not answer within 60 s")


def stop_server(process: subprocess.Popen) -> str:
    process.terminate()
    try:
        _, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    return err


@pytest.mark.slow
def test_serve_answers_real_http_on_loopback(sqlite_db):
    process, base = start_server(sqlite_db, env={"STRIFE_TOKEN": TOKEN})
    try:
        health = httpx.get(f"{base}/api/health").json()
        assert health["articles"] == 1
        page = httpx.get(f"{base}/api/events", params={"format": "geojson", "compact": 1, "limit": 10000}).json()
        assert page["total"] == len(page["features"]) > 0
        spec = httpx.get(f"{base}/openapi.json").json()
        assert "/api/events" in spec["paths"]
        answer = httpx.post(f"{base}/api/articles", content=b"{", headers={"Authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 400
        too_big = httpx.post(f"{base}/api/articles", content=iter([b"x" * 1_000_000] * 12),
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert too_big.status_code == 413
    finally:
        err = stop_server(process)
    assert "127.0.0.1" in err and TOKEN not in err


def test_a_day_is_written_yyyy_mm_dd(client):
    """A number is no day: pydantic alone would read until=0.0 as a Unix time (1970-01-01)."""
    assert client.get("/api/network", params={"until": "0.0"}).status_code == 422
    assert client.get("/api/events", params={"since": "20200501"}).status_code == 422
    assert client.get("/api/events", params={"since": "2016-12-05"}).status_code == 200
