"""One path from articles to stored records: `strife.intake.code_and_store`, and its three callers.

`strife ingest`, the feed watcher and `POST /api/articles` all code, store and place events into
incidents the same way, so a database is in the same state whichever door the articles came in
by; listing incidents only reads.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from strife.api import create_app
from strife.intake import code_and_store, poll_feed
from strife.model import Article
from strife.store import Store
from tests.test_cli import strife

TOKEN = "t" * 32
# Two reports of one shelling (their figures disagree) and an unrelated protest, all published on 10 May 2020.
REPORTS = [
    ("reuters", "Houthi forces shelled a market in Taiz on Saturday, killing 12 people, medics said."),
    ("ap", "Houthi forces shelled a crowded market in Taiz on Saturday, killing 20 people, officials said."),
    ("protest", "Hundreds of people protested in Aden on Sunday against power cuts."),
]
PUBLISHED = "2020-05-10"
FEED_ITEM = ("<item><title>{id}</title><guid>{id}</guid><pubDate>Sun, 10 May 2020 08:00:00 GMT</pubDate>"
             "<description>{text}</description></item>")


def incidents_of(db: Path) -> list[tuple[str, int, list[str]]]:
    """(type, sources, their evidence) of every incident: what a reader of the database sees."""
    with Store(str(db)) as store:
        assert store.unplaced_events() == 0  # storing placed every event
        return sorted((i.event_type, i.n_sources, sorted(s.evidence for s in i.sources)) for i in store.incidents())


@pytest.mark.slow
def test_the_watcher_and_the_api_update_incidents_as_ingest_does(tmp_path, engine):
    batch = tmp_path / "reports.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "text": t, "published": PUBLISHED}) + "\n" for i, t in REPORTS))
    ingested = strife("ingest", str(batch), "--db", str(tmp_path / "ingest.db"), "--json")
    assert ingested.returncode == 0, ingested.stderr
    expected = incidents_of(tmp_path / "ingest.db")
    assert [n for _, n, _ in expected] == [2, 1]  # the two shelling reports are one incident

    feed = tmp_path / "reports.rss"
    feed.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
                    + "".join(FEED_ITEM.format(id=i, text=t) for i, t in REPORTS) + "</channel></rss>", encoding="utf-8")
    with Store(str(tmp_path / "watch.db")) as store:
        assert poll_feed(store, engine, str(feed)).stored == 3
    assert incidents_of(tmp_path / "watch.db") == expected

    with TestClient(create_app(str(tmp_path / "api.db"), token=TOKEN, engine=engine)) as client:
        posted = client.post("/api/articles", json=[{"id": i, "text": t, "published": PUBLISHED} for i, t in REPORTS],
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert posted.status_code == 201 and len(posted.json()["stored"]) == 3
    assert incidents_of(tmp_path / "api.db") == expected


def test_listing_incidents_only_reads_and_db_incidents_places(tmp_path, engine):
    db = tmp_path / "old.db"
    articles = [Article(id=i, text=t, published=PUBLISHED) for i, t in REPORTS]
    with Store(str(db)) as store:  # as a strife that placed events only when listing left a database
        items = list(code_and_store(store, engine, articles, incidents=False))
        assert [item.stored.stored for item in items] == [True, True, True] and store.unplaced_events() == 3
    listed = strife("incidents", "--db", str(db), "--format", "json")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
    assert "3 stored events are not in an incident yet: run `strife db incidents`" in listed.stderr
    placed = strife("db", "incidents", "--db", str(db), "--json")
    assert json.loads(placed.stdout) == {"placed": 3}
    assert [n for _, n, _ in incidents_of(db)] == [2, 1]
    assert json.loads(strife("incidents", "--db", str(db), "--min-sources", "2", "--format", "json").stdout)[0]["n_sources"] == 2


def test_code_and_store_yields_each_input_in_order_once_stored(tmp_path, engine):
    from strife.ingest import InputProblem

    problem = InputProblem("bad.jsonl:2", "not JSON")
    inputs = [Article(id="a", text=REPORTS[0][1], published=PUBLISHED), problem,
              Article(id="b", text=REPORTS[1][1], published=PUBLISHED), Article(id="a2", text=REPORTS[0][1])]
    with Store(str(tmp_path / "order.db")) as store:
        items = list(code_and_store(store, engine, inputs, max_articles=2))
        assert [item.problem is problem for item in items] == [False, True, False, False]
        assert [item.stored.stored for item in items if item.stored] == [True, True, False]  # the same text again
        assert store.counts()["articles"] == 2 and store.unplaced_events() == 0


def test_watch_reports_each_problem_on_stderr(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
                    + FEED_ITEM.format(id="reuters", text=REPORTS[0][1]) + "<item><guid>empty</guid></item>"
                    + "</channel></rss>", encoding="utf-8")
    shown = strife("watch", str(feed), "--once", "--db", str(tmp_path / "w.db"))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(f"{feed}: 2 entries, 2 new: 1 stored with 1 events, 0 skipped (language), 1 rejected")
    assert shown.stderr.startswith("strife: rejected: ")
