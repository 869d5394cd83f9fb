"""Query shapes at scale, on both backends: broad and narrow actors give the same answers by either
plan, pages newest first and counts of real events are served by the partial indexes, and migration
0004 indexes old rows (and goes back down)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic import command
from tests.schema import schema_drift

from strife.migrations import alembic_config, current_revision, upgrade_database
from strife.model import Actor, Article, ArticleResult, Event, Place, Span
from strife.store import (
    HEAD_REVISION,
    REAL_EVENT_INDEXES,
    ActorPlan,
    EventQuery,
    Store,
    actor_filter,
    event_filters,
    events,
    make_engine,
    plan_actor,
    query_filters,
)
from strife.store.writes import insert_articles

NEWEST_FIRST = (events.c.day.desc().nulls_last(), events.c.event_id)  # the API's page order
COUNTRIES = ("SYR", "YEM", "UKR")


def article(n: int) -> tuple[ArticleResult, str, None]:
    """Article n with two events: the army in most, a rare militia in every 17th, some undated,
    negated or hypothetical, over three countries and a few months."""
    day = dt.date(2021, 1, 1) + dt.timedelta(days=n % 97)
    text = f"Report {n}: clashes in town {n}. More clashes nearby."
    meta = Article(id=f"q{n}", text=text, published=None if n % 23 == 0 else day).meta()
    evs = []
    for i in range(2):
        source = "Military Forces of Syria" if (n + i) % 4 else "Police Forces of Syria"
        source = "Rare Lions Militia" if (n + i) % 17 == 0 else source
        evs.append(Event(
            id=f"{meta.sha256[:12]}-{i + 1}", event_type="FIGHT", date=None if n % 23 == 0 else day,
            source=[Actor(name=source, canonical=source)], target=[Actor(name="civilians", sector="CVL")],
            location=Place(name=f"town {n}", country=COUNTRIES[(n + i) % 3], lat=33.0 + i, lon=40.0),
            negated=(n + i) % 11 == 0, hypothetical=(n + i) % 13 == 0,
            evidence=Span(start=0, end=len(text), text=text),
        ))
    return ArticleResult(article=meta, events=evs), text, None


def page_ids(conn, where: list, limit: int | None = None, offset: int = 0) -> list[str]:
    stmt = sa.select(events.c.event_id).where(*where).order_by(*NEWEST_FIRST).limit(limit).offset(offset)
    return list(conn.execute(stmt).scalars())


def count(conn, where: list) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(events).where(*where)).scalar_one()


@pytest.fixture
def filled(db_url):
    with Store(db_url) as store:
        store.add_many([article(n) for n in range(300)])
        yield store


QUERIES = [
    EventQuery(actor="military forces"),
    EventQuery(actor="Military Forces of Syria", country="SYR", since=dt.date(2021, 2, 1), until=dt.date(2021, 3, 1)),
    EventQuery(actor="forces", include_unreal=True),
    EventQuery(actor="rare lions"),
    EventQuery(actor="no such actor"),
    EventQuery(actor="50%"),
]


def label(query: EventQuery) -> str:
    return f"{query.actor}{'+filters' if query.country else ''}{'+unreal' if query.include_unreal else ''}"


@pytest.mark.parametrize("query", QUERIES, ids=label)
def test_broad_and_narrow_plans_find_the_same_events(filled, query):
    with filled.engine.connect() as conn:
        expected = page_ids(conn, event_filters(query))  # the unplanned filter: an IN over the key index
        keys = plan_actor(conn, query.actor).key_pks
        matching = tuple(conn.execute(sa.select(events.c.pk).where(actor_filter(query.actor))).scalars())
        broad, narrow = ActorPlan(keys), ActorPlan(keys, event_pks=matching)
        for plan in (broad, narrow):
            where = event_filters(query, actor_plan=plan)
            assert page_ids(conn, where) == expected, plan
            assert page_ids(conn, where, limit=7, offset=5) == expected[5:12], plan
            assert count(conn, where) == len(expected), plan
        assert page_ids(conn, query_filters(conn, query)) == expected
        assert count(conn, query_filters(conn, query, every_match=True)) == len(expected)
    if query.actor == "military forces":
        assert len(expected) > 250  # the broad case really is broad
    if query.actor == "rare lions":
        assert 0 < len(expected) < 40


def test_an_actor_is_broad_when_many_events_have_it(filled):
    with filled.engine.connect() as conn:
        assert plan_actor(conn, "military forces", min_links=100, share=10).broad
        assert not plan_actor(conn, "military forces", min_links=1000).broad  # fewer links than the floor
        assert not plan_actor(conn, "military forces", min_links=100, share=1).broad  # not in every event
        assert not plan_actor(conn, "rare lions", min_links=10, share=10).broad
        assert plan_actor(conn, "Rare Lions").key_pks == plan_actor(conn, "rare lions").key_pks != ()
        assert plan_actor(conn, "no such actor") == ActorPlan((), event_pks=())
        narrow = plan_actor(conn, "rare lions", min_links=10, share=10)
        assert sorted(narrow.event_pks) == sorted(conn.execute(sa.select(events.c.pk).where(actor_filter("rare lions"))).scalars())
        # more matching names than are worth listing: the keys stay a subquery, the plan broad
        many = plan_actor(conn, "forces", max_keys=1)
        assert many == ActorPlan(()) and many.broad
        expected = page_ids(conn, event_filters(EventQuery(actor="forces")))
        assert page_ids(conn, event_filters(EventQuery(actor="forces"), actor_plan=many)) == expected != []


def test_store_pages_are_slices_of_the_whole_answer(filled):
    for query in (EventQuery(), EventQuery(actor="forces"), EventQuery(country="YEM", include_unreal=True)):
        whole = filled.event_ids(query)
        assert len(whole) > 50
        days = [event.date for event in filled.events(query)]
        assert days == sorted(days, key=lambda day: (day is not None, day))  # undated (filed under no day) first
        for limit, offset in ((10, 0), (10, 40), (1, len(whole) - 1), (5, len(whole))):
            page = EventQuery(**{**query.__dict__, "limit": limit, "offset": offset})
            assert filled.event_ids(page) == whole[offset:offset + limit]
            assert [e.id for e in filled.events(page)] == whole[offset:offset + limit]


# ------------------------------------------------------------------ plans
def sqlite_plan(conn, stmt) -> str:
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
    return " | ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))


def test_real_event_indexes_serve_pages_and_counts_on_sqlite(tmp_path):
    with Store(str(tmp_path / "plan.db")) as store:
        store.add_many([article(n) for n in range(300)])
        with store.engine.connect() as conn:
            newest = sa.select(events.c.pk).where(*query_filters(conn, EventQuery())).order_by(*NEWEST_FIRST).limit(100)
            plan = sqlite_plan(conn, newest)
            assert "ix_events_real_day" in plan and "TEMP B-TREE" not in plan, plan
            by_country = sa.select(sa.func.count()).select_from(events).where(*query_filters(conn, EventQuery(country="SYR")))
            assert "COVERING INDEX ix_events_real_country_day (country=?)" in sqlite_plan(conn, by_country)
            in_may = EventQuery(country="SYR", since=dt.date(2021, 2, 1), until=dt.date(2021, 2, 28))
            counted = sa.select(sa.func.count()).select_from(events).where(*query_filters(conn, in_may))
            assert "COVERING INDEX ix_events_real_country_day (country=? AND day>? AND day<?)" in sqlite_plan(conn, counted)
            broad = EventQuery(actor="military forces")
            where = event_filters(broad, actor_plan=ActorPlan(plan_actor(conn, broad.actor).key_pks))
            plan = sqlite_plan(conn, sa.select(events.c.pk).where(*where).order_by(*NEWEST_FIRST).limit(100))
            assert plan.startswith("SCAN events USING COVERING INDEX ix_events_real_day") and "TEMP B-TREE" not in plan, plan


def test_real_event_indexes_give_the_page_order_on_postgresql(pg_url):
    with Store(pg_url) as store:
        store.add_many([article(n) for n in range(300)])
        with store.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):  # a tiny table: can an index give the order?
                conn.exec_driver_sql(f"SET {setting} = off")
            for query, index in ((EventQuery(), "ix_events_real_day"), (EventQuery(country="SYR"), "ix_events_real_country_day")):
                stmt = sa.select(events.c.pk).where(*query_filters(conn, query)).order_by(*NEWEST_FIRST).limit(100)
                compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
                plan = "\n".join(conn.exec_driver_sql(f"EXPLAIN {compiled}").scalars())
                assert index in plan and "Sort" not in plan, plan


# ------------------------------------------------------------------ migration 0004
def build_revision_0003(url: str, n_articles: int) -> None:
    """A database at revision 0003 holding `n_articles` articles (0004 adds no column: rows are
    written by the same code as at 0003)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0003")
        insert_articles(conn, [article(n) for n in range(n_articles)])
    engine.dispose()


def index_names(conn) -> set[str]:
    return {index["name"] for index in sa.inspect(conn).get_indexes("events")}


def test_upgrade_from_0003_indexes_old_rows_and_downgrade_removes_them(db_url):
    build_revision_0003(db_url, 120)
    assert upgrade_database(db_url) == ("0003", HEAD_REVISION)
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            assert schema_drift(conn) == []
            assert set(REAL_EVENT_INDEXES) <= index_names(conn)
            real = count(conn, query_filters(conn, EventQuery()))
            assert real == count(conn, [events.c.negated.is_(False), events.c.hypothetical.is_(False)]) > 150
            for query in (EventQuery(actor="military forces"), EventQuery(actor="rare lions", country="YEM")):
                expected = page_ids(conn, event_filters(query))
                assert expected and page_ids(conn, query_filters(conn, query)) == expected
                keys = plan_actor(conn, query.actor).key_pks
                assert page_ids(conn, event_filters(query, actor_plan=ActorPlan(keys))) == expected
        store.add_many([article(n) for n in range(120, 130)])  # new rows join the old ones in the same indexes
        assert len(store.event_ids(EventQuery(actor="rare lions"))) > len(expected)
        assert store.check() == []
    engine = make_engine(db_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
    with engine.connect() as conn:
        assert current_revision(conn) == "0003"
        assert not set(REAL_EVENT_INDEXES) & index_names(conn)
        assert conn.exec_driver_sql("SELECT value FROM strife_meta WHERE key = 'schema_version'").scalar() == "3"
    engine.dispose()
    assert upgrade_database(db_url) == ("0003", HEAD_REVISION)  # and up again


def test_a_since_at_the_start_of_the_calendar_is_no_overflow():
    """A stored span of several days must not push `--since 0001-01-02` off the calendar."""
    import datetime as dt

    from strife.store import EventQuery
    from strife.store.queries import event_filters

    assert event_filters(EventQuery(since=dt.date(1, 1, 2)), max_span_days=30)


def test_events_and_incidents_read_the_shared_filters_alike():
    """Country, type, dates and incident id mean the same on events and on incidents (one helper)."""
    from strife.store.dedup import incident_filters
    from strife.store.queries import EventQuery, shared_filters
    from strife.store.schema import events, incidents

    query = EventQuery(country="mli", event_type="battles", since=dt.date(2020, 1, 1), until=dt.date(2020, 2, 1),
                       incident_id="inc-1")

    def written(table):
        return [str(c.compile(compile_kwargs={"literal_binds": True})).replace(f"{table.name}.", "")
                for c in shared_filters(table, query)]

    assert written(events) == written(incidents) and len(written(events)) == 5
    assert "country = 'MLI'" in written(events) and "event_type = 'BATTLES'" in written(events)
    assert len(incident_filters(query)) == 6  # and at least one source


def test_in_look_ups_go_in_batches_under_the_bound_parameter_limit():
    from strife.store.schema import IN_BATCH, in_batches

    values = list(range(2 * IN_BATCH + 3))
    batches = list(in_batches(values))
    assert [len(b) for b in batches] == [IN_BATCH, IN_BATCH, 3] and [v for b in batches for v in b] == values
    assert IN_BATCH < 999 and list(in_batches([])) == []
