"""Storage a team can share, on both backends: migrations, integrity checks, races, the new filters."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa
from alembic import command
from tests.schema import schema_drift

from strife.migrations import alembic_config, current_revision, upgrade_database
from strife.model import Actor, Article, ArticleResult, Event, Place, Span
from strife.store import HEAD_REVISION, EventQuery, SchemaError, Store, make_engine
from tests.test_store import TEXT, sample_result


def result_for(n: int, actor: str = "Houthi forces", day: dt.date = dt.date(2020, 5, 3), lat: float = 15.35, lon: float = 44.2,
               date_end: dt.date | None = None) -> tuple[ArticleResult, str]:
    """A small distinct article with one real event (text and ids derived from n)."""
    text = f"Report {n}: {actor} shelled the town, killing {n} civilians."
    meta = Article(id=f"r{n}", text=text, published=day).meta()
    event = Event(
        id=f"{meta.sha256[:12]}-1", event_type="ASSAULT", date=day, date_end=date_end, date_precision="day",
        source=[Actor(name=actor, canonical=actor)], target=[Actor(name="civilians", sector="CVL")],
        location=Place(name="Sanaa", country="YEM", lat=lat, lon=lon), evidence=Span(start=0, end=len(text), text=text),
    )
    return ArticleResult(article=meta, events=[event]), text


def build_revision_0001(url: str) -> None:
    """A database exactly as the first release left it, with one article written the way it wrote them."""
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        result = sample_result()
        old = sa.MetaData()
        old.reflect(conn)
        article_pk = conn.execute(old.tables["articles"].insert().values(
            sha256=result.article.sha256, article_id="a1", published=result.article.published, text=TEXT,
            result=result.model_dump_json(), n_events=len(result.events), ingested_at="2020-01-01T00:00:00+00:00",
        )).inserted_primary_key[0]
        for ev in result.events:
            event_pk = conn.execute(old.tables["events"].insert().values(
                event_id=ev.id, article_pk=article_pk, event_type=ev.event_type, date=ev.date,
                country=ev.location.country if ev.location else None, negated=ev.negated, hypothetical=ev.hypothetical,
                confidence=ev.confidence, evidence_start=ev.evidence.start, evidence_end=ev.evidence.end,
                record=ev.model_dump_json(),
            )).inserted_primary_key[0]
            for role, actors in (("source", ev.source), ("target", ev.target)):
                for actor in actors:
                    conn.execute(old.tables["event_actors"].insert().values(
                        event_pk=event_pk, role=role, name=actor.name, canonical=actor.canonical or actor.name))
    engine.dispose()


def test_new_database_is_created_at_head_and_matches_the_models(db_url):
    with Store(db_url) as store, store.engine.connect() as conn:
        assert current_revision(conn) == HEAD_REVISION
        assert schema_drift(conn) == []


def test_an_old_database_is_refused_until_upgraded_and_keeps_every_row(db_url):
    build_revision_0001(db_url)
    with pytest.raises(SchemaError, match="strife db upgrade"):
        Store(db_url)
    assert upgrade_database(db_url) == ("0001", HEAD_REVISION)
    with Store(db_url) as store:
        assert store.counts() == {"articles": 1, "events": 3, "event_actors": 4}
        assert list(store.events(EventQuery(include_unreal=True))) == sample_result().events
        assert [e.event_type for e in store.events(EventQuery(actor="RUSS"))] == ["REJECT"]  # backfilled keys
        assert len(store.event_ids(EventQuery(since=dt.date(2016, 12, 5), until=dt.date(2016, 12, 5)))) == 2
        assert store.check() == []
        with store.engine.connect() as conn:  # migrations and models describe the same schema
            assert schema_drift(conn) == []
    assert upgrade_database(db_url) == (HEAD_REVISION, HEAD_REVISION)  # a second upgrade is a no-op


def test_a_database_older_than_the_migrations_counts_as_revision_one(tmp_path):
    url = f"sqlite:///{tmp_path / 'pre-alembic.db'}"
    build_revision_0001(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
        assert current_revision(conn) == "0001"
    engine.dispose()
    assert upgrade_database(url) == ("0001", HEAD_REVISION)
    with Store(url) as store:
        assert store.counts()["events"] == 3


INTAKE_TABLES = {"feed_entries_seen", "skipped_inputs"}


def build_revision_0005_with_intake_tables(url: str) -> None:
    """A 0005 database on which `strife watch` or a skipped input already made intake's tables the way
    strife.intake did before migration 0006 (`Table.create`), with a row in each."""
    from strife.store import seen_entries, skipped_inputs

    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0005")
        for table in (seen_entries, skipped_inputs):
            table.create(conn, checkfirst=True)
        conn.execute(seen_entries.insert().values(feed="f.rss", entry_id="e1", status="stored", sha256="ab" * 32,
                                                  seen_at="2024-01-01T00:00:00+00:00"))
        conn.execute(skipped_inputs.insert().values(origin="a.txt", reason="language", language="fr", sha256="cd" * 32,
                                                    message="French", skipped_at="2024-01-01T00:00:00+00:00"))
    engine.dispose()


def test_a_0005_database_with_intake_tables_made_the_old_way_upgrades_and_keeps_their_rows(db_url):
    from strife.intake import seen_entry_ids, skipped_counts

    build_revision_0005_with_intake_tables(db_url)
    with pytest.raises(SchemaError, match="strife db upgrade"):
        Store(db_url)
    assert upgrade_database(db_url) == ("0005", "0006") and HEAD_REVISION == "0006"
    with Store(db_url) as store:
        assert seen_entry_ids(store, "f.rss") == {"e1"} and skipped_counts(store) == {"fr": 1}
        with store.engine.connect() as conn:
            assert schema_drift(conn) == []
            assert conn.exec_driver_sql("SELECT value FROM strife_meta WHERE key = 'schema_version'").scalar() == "6"


def test_downgrade_from_0006_drops_intake_tables_and_upgrade_makes_them_again(db_url):
    with Store(db_url):
        pass
    engine = make_engine(db_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0005")
    with engine.connect() as conn:
        assert current_revision(conn) == "0005" and not INTAKE_TABLES & set(sa.inspect(conn).get_table_names())
        assert conn.exec_driver_sql("SELECT value FROM strife_meta WHERE key = 'schema_version'").scalar() == "5"
    engine.dispose()
    assert upgrade_database(db_url) == ("0005", HEAD_REVISION)
    with Store(db_url) as store, store.engine.connect() as conn:
        assert schema_drift(conn) == []


def test_a_new_database_has_intake_tables_even_when_nothing_imported_intake(tmp_path):
    """A process that only opens a Store (`strife ingest`) must not leave a head database without them."""
    import subprocess
    import sys

    path = tmp_path / "fresh.db"
    code = "import sys; from strife.store import Store; assert 'strife.intake' not in sys.modules; Store(sys.argv[1]).close()"
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert INTAKE_TABLES <= set(sa.inspect(conn).get_table_names())
    engine.dispose()


def test_check_finds_partial_articles_orphans_and_bad_offsets(db_url):
    with Store(db_url) as store:
        store.add(sample_result(), TEXT)
        assert store.check() == []
        with store.engine.begin() as conn:
            first = conn.exec_driver_sql("SELECT min(pk) FROM events").scalar()
            conn.exec_driver_sql(f"UPDATE events SET evidence_end = 10000 WHERE pk = {first}")
            conn.exec_driver_sql(f"DELETE FROM events WHERE pk = {first + 1}")
        problems = store.check()
    assert any("missing events" in p and "a1 (2 of 3)" in p for p in problems)
    assert any("offsets outside their article" in p for p in problems)


def test_bounding_box_and_long_ranges(db_url):
    with Store(db_url) as store:
        store.add(*result_for(1, lat=15.35, lon=44.2))                     # Sanaa
        store.add(*result_for(2, lat=36.2, lon=37.16))                     # Aleppo
        store.add(*result_for(3, day=dt.date(2020, 1, 1), date_end=dt.date(2020, 5, 30)))  # a five-month campaign
        yemen = (42.0, 12.0, 54.0, 19.0)
        assert len(store.event_ids(EventQuery(bbox=yemen))) == 2
        may = EventQuery(bbox=yemen, since=dt.date(2020, 5, 1), until=dt.date(2020, 5, 31))
        assert len(store.event_ids(may)) == 2  # the campaign began in January but overlaps May
        assert store.event_ids(EventQuery(since=dt.date(2020, 6, 1))) == []


def test_actor_filter_takes_its_text_literally(db_url):
    with Store(db_url) as store:
        store.add(*result_for(1, actor="50% Brigade"))
        store.add(*result_for(2, actor="500 Brigade"))
        assert len(store.event_ids(EventQuery(actor="50%"))) == 1
        assert len(store.event_ids(EventQuery(actor="brigade"))) == 2


def test_add_many_stores_each_article_once(db_url):
    items = [(*result_for(n), None) for n in range(1, 6)]
    with Store(db_url) as store:
        first = store.add_many(items[:3])
        second = store.add_many(items)
        assert [o.stored for o in first] == [True] * 3
        assert [o.stored for o in second] == [False] * 3 + [True] * 2
        assert store.counts()["articles"] == 5


def test_concurrent_writers_never_duplicate(db_url):
    """Eight writers store the same twenty articles at the same moment: each is stored exactly once."""
    items = [(*result_for(n, actor=f"Brigade {n % 3}"), None) for n in range(1, 21)]
    Store(db_url).close()  # schema first, as `strife db upgrade` would
    start = threading.Barrier(8)
    outcomes: list = []
    errors: list = []

    def writer() -> None:
        try:
            with Store(db_url) as store:
                start.wait()
                outcomes.extend(store.add(*item) for item in items)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=writer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(o.stored for o in outcomes) == 20 and len(outcomes) == 160
    with Store(db_url) as store:
        assert store.counts() == {"articles": 20, "events": 20, "event_actors": 40}
        assert store.check() == []


def test_postgres_url_uses_psycopg_and_hides_the_password(pg_url):
    with Store(pg_url) as store:
        assert store.backend == "postgresql" and store.engine.dialect.driver == "psycopg"
    from strife.store import display_url

    assert display_url("postgresql://u:secret@127.0.0.1/x") == "postgresql://u:***@127.0.0.1/x"


def test_db_commands_upgrade_then_check(tmp_path):
    """`strife db upgrade` on an old file, `strife db check` exits 0, then 1 once an article is broken."""
    import json
    import sqlite3

    from tests.test_cli import strife

    path = tmp_path / "old.db"
    build_revision_0001(f"sqlite:///{path}")
    refused = strife("events", "--db", str(path))
    assert refused.returncode == 2 and "strife db upgrade" in refused.stderr
    upgraded = strife("db", "upgrade", "--db", str(path), "--json")
    assert upgraded.returncode == 0 and json.loads(upgraded.stdout) == {"from": "0001", "to": HEAD_REVISION}
    assert strife("db", "check", "--db", str(path)).returncode == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE articles SET n_events = 9")
    broken = strife("db", "check", "--db", str(path), "--json")
    assert broken.returncode == 1 and "missing events" in json.loads(broken.stdout)[0]
