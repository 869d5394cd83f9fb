"""Storage at scale, on both backends: the grid-cell spatial filter stays exact, migration 0003
numbers old rows, bulk writes keep each article whole and isolate a bad one, and `BatchWriter`
batches by count and by time."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import sqlalchemy as sa
from alembic import command
from tests.schema import schema_drift

from strife.migrations import alembic_config, upgrade_database
from strife.model import Actor, Article, ArticleResult, Event, Place, Span
from strife.store import (
    GRID_COLUMNS,
    HEAD_REVISION,
    MAX_BBOX_CELLS,
    BatchWriter,
    EventQuery,
    Store,
    bbox_cells,
    grid_cell,
    make_engine,
)


def located(n: int, lat: float, lon: float, actor: str = "Houthi forces", day: dt.date = dt.date(2020, 5, 3),
            event_ids: tuple[str, ...] = ()) -> tuple[ArticleResult, str, None]:
    """Article n with one event at (lat, lon) (more events when event_ids repeats ids on purpose)."""
    text = f"Report {n}: {actor} shelled the town at {lat:.4f} {lon:.4f}."
    meta = Article(id=f"r{n}", text=text, published=day).meta()
    ids = event_ids or (f"{meta.sha256[:12]}-1",)
    evs = [Event(
        id=event_id, event_type="ASSAULT", date=day, date_precision="day",
        source=[Actor(name=actor, canonical=actor)], target=[Actor(name="civilians", sector="CVL")],
        location=Place(name="somewhere", country="YEM", lat=lat, lon=lon), evidence=Span(start=0, end=len(text), text=text),
    ) for event_id in ids]
    return ArticleResult(article=meta, events=evs), text, None


def inside(lat: float, lon: float, box: tuple[float, float, float, float]) -> bool:
    min_lon, min_lat, max_lon, max_lat = box
    return min_lat <= lat <= max_lat and min_lon <= lon <= max_lon


# ------------------------------------------------------------------ the grid
def test_every_point_of_a_box_lies_in_one_of_its_cells():
    rng = random.Random(3)
    edges = [-90.0, 90.0, -180.0, 180.0, 0.0, 0.5, -0.5, 15.25, 44.0]
    for _ in range(3000):
        lat = rng.choice([rng.uniform(-90, 90), rng.choice(edges[:2] + edges[4:])])
        lon = rng.choice([rng.uniform(-180, 180), rng.choice(edges[2:])])
        half_lat, half_lon = rng.choice([0.0, 0.01, 0.5, 3.0]), rng.choice([0.0, 0.01, 0.5, 3.0])
        box = (lon - half_lon, lat - half_lat, lon + half_lon, lat + half_lat)
        assert grid_cell(lat, lon) in bbox_cells(box), (lat, lon, box)


def test_cells_are_distinct_squares_and_huge_boxes_need_no_list():
    assert grid_cell(None, 44.2) is None and grid_cell(15.3, None) is None
    assert grid_cell(15.3, 44.2) == grid_cell(15.49, 44.49) != grid_cell(15.5, 44.2)
    assert grid_cell(15.3, 44.5) - grid_cell(15.3, 44.2) == 1 and grid_cell(15.8, 44.2) - grid_cell(15.3, 44.2) == GRID_COLUMNS
    assert grid_cell(90.0, 180.0) == grid_cell(89.9, 179.9)  # the poles and the antimeridian stay on the grid
    assert len(bbox_cells((44.1, 15.1, 44.9, 15.9))) == 4  # a city-sized box: four half-degree cells
    assert bbox_cells((-180, -90, 180, 90)) is None and len(bbox_cells((42, 12, 54, 19))) <= MAX_BBOX_CELLS
    assert bbox_cells((50, 10, 40, 20)) == []  # an inverted box matches nothing, as the exact test does


def test_bounding_boxes_return_exactly_the_events_inside(db_url):
    rng = random.Random(8)
    points = [(round(rng.uniform(12, 19), 4), round(rng.uniform(42, 54), 4)) for _ in range(60)]
    points += [(15.5, 44.5), (15.0, 44.0), (15.4999, 44.4999), (-0.25, -0.25), (0.0, 0.0)]  # on and beside cell edges
    items = [located(n, lat, lon) for n, (lat, lon) in enumerate(points)]
    where = {result.events[0].id: (lat, lon) for (result, _, _), (lat, lon) in zip(items, points)}
    boxes = [(44.0, 15.0, 44.5, 15.5), (-0.25, -0.25, 0.0, 0.0), (42, 12, 54, 19), (-180, -90, 180, 90), (43.1, 13.7, 43.2, 13.8)]
    boxes += [(lon - w, lat - h, lon + w, lat + h) for lat, lon in rng.sample(points, 10)
              for w, h in [(rng.uniform(0, 2), rng.uniform(0, 2))]]
    with Store(db_url) as store:
        store.add_many(items)
        for box in boxes:
            expected = sorted(event_id for event_id, (lat, lon) in where.items() if inside(lat, lon, box))
            assert sorted(store.event_ids(EventQuery(bbox=box))) == expected, box


def test_box_and_dates_use_the_cell_index_on_sqlite(tmp_path):
    from strife.store import event_filters, events

    with Store(str(tmp_path / "plan.db")) as store, store.engine.connect() as conn:
        query = EventQuery(bbox=(44.0, 15.0, 45.0, 16.0), since=dt.date(2020, 5, 1), until=dt.date(2020, 5, 31))
        stmt = sa.select(events.c.pk).where(*event_filters(query)).order_by(events.c.day, events.c.pk)
        compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        plan = " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "ix_events_cell_day (cell=? AND day>? AND day<?)" in plan, plan


# ------------------------------------------------------------------ migration 0003
def build_revision_0002(url: str, points: list[tuple[float, float]]) -> None:
    """A database as revision 0002 left it, with one located event per point, written as 0002 wrote them."""
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
        old = sa.MetaData()
        old.reflect(conn)
        for n, (lat, lon) in enumerate(points):
            result, text, _ = located(n, lat, lon)
            article_pk = conn.execute(old.tables["articles"].insert().values(
                sha256=result.article.sha256, article_id=result.article.id, published=result.article.published, text=text,
                result=result.model_dump_json(), n_events=1, ingested_at="2021-01-01T00:00:00+00:00",
            )).inserted_primary_key[0]
            ev = result.events[0]
            conn.execute(old.tables["events"].insert().values(
                event_id=ev.id, article_pk=article_pk, event_type=ev.event_type, date=ev.date, country="YEM",
                lat=lat, lon=lon, negated=False, hypothetical=False, confidence=ev.confidence, evidence_start=0,
                evidence_end=len(text), record=ev.model_dump_json(), day=ev.date, day_end=ev.date,
            ))
        unlocated = ev.model_copy(update={"id": "unlocated-1", "location": None})
        conn.execute(old.tables["events"].insert().values(  # an event without coordinates keeps no cell
            event_id="unlocated-1", article_pk=article_pk, event_type="ASSAULT", negated=False, hypothetical=False,
            confidence=0.5, evidence_start=0, evidence_end=len(text), record=unlocated.model_dump_json(), day=ev.date,
        ))
        conn.execute(old.tables["articles"].update().where(old.tables["articles"].c.pk == article_pk).values(n_events=2))
    engine.dispose()


def test_upgrade_from_0002_numbers_old_events_and_boxes_find_them(db_url):
    points = [(15.35, 44.2), (15.6, 44.9), (36.2, 37.16), (-1.29, 36.82)]
    build_revision_0002(db_url, points)
    assert upgrade_database(db_url) == ("0002", HEAD_REVISION)
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            assert schema_drift(conn) == []
            cells = dict(conn.exec_driver_sql("SELECT event_id, cell FROM events").all())
            indexes = {index["name"] for index in sa.inspect(conn).get_indexes("events")}
        assert cells["unlocated-1"] is None
        assert sorted(c for e, c in cells.items() if e != "unlocated-1") == sorted(grid_cell(lat, lon) for lat, lon in points)
        assert "ix_events_cell_day" in indexes and "ix_events_lat_lon" not in indexes
        yemen = (42.0, 12.0, 54.0, 19.0)
        may = EventQuery(bbox=yemen, since=dt.date(2020, 5, 1), until=dt.date(2020, 5, 31))
        assert len(store.event_ids(may)) == 2
        store.add_many([located(99, 15.36, 44.21)])  # new rows and old rows answer the same query
        assert len(store.event_ids(may)) == 3
        assert store.check() == []


# ------------------------------------------------------------------ bulk writes
def test_add_many_stores_what_add_stores(db_url):
    items = [located(n, 15.0 + n / 100, 44.0, actor=f"Brigade {n % 4}") for n in range(30)]
    with Store(db_url) as one_by_one:
        for item in items:
            one_by_one.add(*item)
        expected = list(one_by_one.events(EventQuery()))
    with Store(db_url.replace("test.db", "bulk.db") if db_url.startswith("sqlite") else db_url) as bulk:
        if bulk.backend == "postgresql":
            with bulk.engine.begin() as conn:
                conn.exec_driver_sql("TRUNCATE articles, events, event_actors, event_actor_keys, actor_keys CASCADE")
        outcomes = bulk.add_many(items[:10]) + bulk.add_many(items)  # the second batch repeats ten known articles
        assert [o.stored for o in outcomes] == [True] * 10 + [False] * 10 + [True] * 20
        assert list(bulk.events(EventQuery())) == expected
        assert len(bulk.event_ids(EventQuery(actor="brigade 1"))) == 8  # actor keys linked for every batch
        assert bulk.counts() == {"articles": 30, "events": 30, "event_actors": 60}
        assert bulk.check() == []


def test_one_bad_article_does_not_cost_the_batch(db_url):
    good = [located(n, 15.0, 44.0) for n in range(4)]
    clash = located(10, 15.0, 44.0, actor="Zeta Front", event_ids=(good[1][0].events[0].id,))  # an id already in the batch
    with Store(db_url) as store:
        outcomes = store.add_many([good[0], good[1], clash, good[2]])
        assert [o.stored for o in outcomes] == [True, True, False, True]
        assert outcomes[2].error and "unique" in outcomes[2].error.lower() and outcomes[2].sha256 == clash[0].article.sha256
        assert store.counts() == {"articles": 3, "events": 3, "event_actors": 6}
        assert store.check() == []
        # the refused article's new actor name was rolled back with it: a later article can still use it
        assert store.add(*located(11, 15.0, 44.0, actor="Zeta Front")).stored
        assert len(store.event_ids(EventQuery(actor="zeta"))) == 1


def test_add_still_raises_for_a_bad_article(db_url):
    from sqlalchemy.exc import IntegrityError

    first = located(1, 15.0, 44.0)
    with Store(db_url) as store:
        store.add(*first)
        with pytest.raises(IntegrityError):
            store.add(*located(2, 15.0, 44.0, event_ids=(first[0].events[0].id,)))
        assert store.counts()["articles"] == 1


# ------------------------------------------------------------------ BatchWriter
def test_batch_writer_writes_every_n_articles_and_the_rest_at_flush(tmp_path):
    items = [located(n, 15.0, 44.0) for n in range(7)]
    with Store(str(tmp_path / "w.db")) as store:
        writer = BatchWriter(store, max_articles=3, max_seconds=3600)
        returned = [len(writer.add(*item)) for item in items]
        assert returned == [0, 0, 3, 0, 0, 3, 0] and writer.waiting == 1
        assert store.counts()["articles"] == 6
        assert [o.stored for o in writer.flush()] == [True] and store.counts()["articles"] == 7
        again = BatchWriter(store, max_articles=10)
        for item in items:
            again.add(*item)
        assert [o.stored for o in again.flush()] == [False] * 7  # a re-run stores nothing twice


def test_batch_writer_writes_when_the_oldest_has_waited_long_enough(tmp_path):
    with Store(str(tmp_path / "w.db")) as store:
        writer = BatchWriter(store, max_articles=1000, max_seconds=0)
        assert len(writer.add(*located(1, 15.0, 44.0))) == 1 and writer.waiting == 0
        with BatchWriter(store, max_articles=1000, max_seconds=3600) as leaving:
            leaving.add(*located(2, 15.0, 44.0))
            assert store.counts()["articles"] == 1
        assert store.counts()["articles"] == 2  # leaving the block stored what waited
        with pytest.raises(ValueError, match="max_articles"):
            BatchWriter(store, max_articles=0)
