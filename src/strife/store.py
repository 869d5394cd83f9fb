"""Keep coded articles in a database a team can share: a SQLite file by default, PostgreSQL by URL.

    store = Store("strife.db")                             # or "postgresql://user@host/db"
    store.add(result, text)                                # one article, one transaction
    store.events(EventQuery(country="SYR", since=...))     # the common filters, served by indexes

An article is identified by the SHA-256 of its normalised text, so storing the same article twice
writes nothing, even when two processes race to store it (the unique key decides, the loser reports
"already stored"). Each article is written with all its records in one transaction: a crash leaves
either the whole article or none of it. The full `ArticleResult` is kept as JSON beside indexed
columns for the common filters, so what `strife events --format json` prints is exactly what
`strife extract` printed.

The schema is versioned with Alembic (`strife.migrations`): a new database is created at the
latest revision; an older one is refused with a hint until `strife db upgrade` brings it up to date.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import operator
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    event,
    exists,
    false,
    func,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import CreateIndex

from strife.model import Actor, ArticleResult, Event

DEFAULT_DB = "strife.db"
SCHEMA_VERSION = 6  # the Alembic head revision is "0006"
HEAD_REVISION = "0006"
FIRST_REVISION = "0001"

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("article_id", String, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("publisher", Text),
    Column("published", Date),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("result", Text, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("ingested_at", String, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("event_id", String, nullable=False, unique=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("event_type", String(16), nullable=False),
    Column("mode", String),
    Column("quad", String),
    Column("cameo_root", String(2)),
    Column("acled_event_type", String),
    Column("acled_sub_event_type", String),
    Column("date", Date),
    Column("date_end", Date),
    Column("date_precision", String(8)),
    Column("country", String(3)),
    Column("admin1", String),
    Column("location", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("fatalities", Integer),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("record", Text, nullable=False),
    # revision 0002: the day the event is filed under (its date, else the article's publication
    # date) and the last day it covers, so date-range filters can use an index; its incident.
    Column("day", Date),
    Column("day_end", Date),
    Column("incident_id", String),
    # revision 0003: the grid cell of (lat, lon) (`grid_cell`), so a bounding box + dates is an
    # index range per cell instead of a scan of every event in the latitude band or date range.
    Column("cell", Integer),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
    Column("role", String(6), nullable=False),
    Column("name", Text, nullable=False),
    Column("canonical", Text),
    Column("country", String(3)),
    Column("sector", String(8)),
)

# revision 0002: every distinct lower-cased actor name or canonical name once, so "actor contains
# X" scans thousands of names instead of millions of rows, then follows an index to the events.
actor_keys = Table(
    "actor_keys",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
)

event_actor_keys = Table(
    "event_actor_keys",
    metadata,
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("key_pk", Integer, ForeignKey("actor_keys.pk", ondelete="CASCADE"), primary_key=True),
)

# revision 0002: incidents, clusters of events from different articles (`strife.resolve.dedup`).
incidents = Table(
    "incidents",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("incident_id", String, nullable=False, unique=True),
    Column("event_type", String(16), nullable=False),
    Column("country", String(3)),
    Column("day", Date),
    Column("day_end", Date),
    Column("lat", Float),
    Column("lon", Float),
    Column("n_sources", Integer, nullable=False),
    Column("updated_at", String, nullable=False),
)

# revision 0006: `strife watch`'s bookkeeping (strife.intake): feed entries already seen, so a
# watcher restarted next week codes only new ones, and inputs skipped (language, size), with why.
seen_entries = Table(
    "feed_entries_seen",
    metadata,
    Column("feed", Text, primary_key=True),
    Column("entry_id", Text, primary_key=True),
    Column("status", String(16), nullable=False),  # stored, known, skipped, rejected
    Column("sha256", String(64)),
    Column("seen_at", String, nullable=False),
)

skipped_inputs = Table(
    "skipped_inputs",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("reason", String(32), nullable=False),
    Column("language", String(8)),
    Column("sha256", String(64)),
    Column("message", Text, nullable=False),
    Column("skipped_at", String, nullable=False),
)

meta = Table("strife_meta", metadata, Column("key", String, primary_key=True), Column("value", Text))

Index("ix_events_country_type_day", events.c.country, events.c.event_type, events.c.day)
Index("ix_events_day", events.c.day)
Index("ix_events_cell_day", events.c.cell, events.c.day)
Index("ix_events_article", events.c.article_pk)
Index("ix_events_incident", events.c.incident_id)
Index("ix_event_actors_canonical", event_actors.c.canonical)
Index("ix_event_actors_event", event_actors.c.event_pk)
Index("ix_event_actor_keys_key", event_actor_keys.c.key_pk, event_actor_keys.c.event_pk)
Index("ix_articles_published", articles.c.published)
Index("ix_incidents_country_day", incidents.c.country, incidents.c.day)

# revision 0004: indexes of the real events only (neither negated nor hypothetical: what every query
# reads unless told otherwise), in the order pages are served: newest day first, undated last, then
# event id (`strife.api`). A first page is the first rows of one index range, and a count by country
# and dates never reads the table: the columns the filters test (day_end, and the two flags, which
# SQLite wants in the index to call it covering) follow.
REAL_EVENTS = and_(events.c.negated.is_(False), events.c.hypothetical.is_(False))
# Revision 0005 adds the columns of the API's other filters (quad, ACLED type, confidence) at the end,
# so a page or a count filtered on them reads the index alone, not each candidate's table row.
REAL_EVENT_INDEXES = {  # name: the columns before the day
    "ix_events_real_day": (),
    "ix_events_real_country_day": ("country",),
}
REAL_EVENT_FILTER_COLUMNS = ("quad", "acled_event_type", "confidence")


def real_event_index_columns(leading: Sequence[str], filtered: Sequence[str] = REAL_EVENT_FILTER_COLUMNS) -> list:
    """The columns of a real-event index after `leading` ones, ending with the `filtered` ones (also
    what migration 0005 creates; 0004 created them without `filtered`)."""
    return [*(events.c[name] for name in leading), events.c.day.desc().nulls_last(),
            events.c.event_id, events.c.day_end, events.c.negated, events.c.hypothetical,
            *(events.c[name] for name in filtered)]


for _name, _leading in REAL_EVENT_INDEXES.items():
    Index(_name, *real_event_index_columns(_leading), sqlite_where=REAL_EVENTS, postgresql_where=REAL_EVENTS)
del _name, _leading


@compiles(CreateIndex, "sqlite")
def _create_index_on_sqlite(element: CreateIndex, compiler, **kw) -> str:
    """SQLite refuses NULLS FIRST/LAST in an index but already sorts NULLs last in a descending one
    (and first in an ascending one), so the words are dropped there, and only there."""
    ddl = compiler.visit_create_index(element, **kw)
    return ddl.replace(" DESC NULLS LAST", " DESC").replace(" ASC NULLS FIRST", " ASC")


# The spatial index: the globe cut into GRID_DEGREES squares numbered row by row from (-90, -180).
# Half a degree (about 55 km) keeps a city-sized box to a few cells and a country-sized one to a
# few hundred; a box of more than MAX_BBOX_CELLS cells filters on latitude/longitude alone.
GRID_DEGREES = 0.5
GRID_COLUMNS = round(360 / GRID_DEGREES)
GRID_ROWS = round(180 / GRID_DEGREES)
MAX_BBOX_CELLS = 2000

OLDEST_FIRST = (events.c.day.asc().nulls_first(), events.c.pk)  # the order of `Store.events`
WRITE_LOCK = 815203  # PostgreSQL advisory lock held by strife write transactions
MAX_CACHED_ACTOR_KEYS = 200_000  # per Store; beyond it the cache starts again (it only saves lookups)
MAX_SPAN_KEY = "max_event_span_days"  # strife_meta: the longest date range stored, bounds range scans


class SchemaError(ValueError):
    """The database exists but its schema is not the one this strife writes (run `strife db upgrade`)."""


def database_url(db: Optional[str] = None) -> str:
    """A SQLAlchemy URL from `--db` (a path or a URL), else `STRIFE_DB`, else ./strife.db."""
    value = db or os.environ.get("STRIFE_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def display_url(url: str) -> str:
    """The URL with any password masked, for messages and summaries."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is shown as given; opening it reports the problem
        return url


def describe_error(error: BaseException) -> str:
    """A database error in one line: the driver's first line, without SQLAlchemy's background links."""
    original = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


@dataclass
class StoreOutcome:
    """What storing one article did: `stored` False means it was already there (or, with `error`
    set, that it could not be stored: `add_many` reports such an article and stores the others)."""

    sha256: str
    stored: bool
    n_events: int
    origin: Optional[str] = None
    error: Optional[str] = None


@dataclass
class EventQuery:
    """Filters of `strife events` and the API; every field optional.

    A date range keeps events whose own range overlaps it (an event without a date is filed under
    its article's publication date). `bbox` is (min_lon, min_lat, max_lon, max_lat) in degrees.
    """

    country: Optional[str] = None
    event_type: Optional[str] = None
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    actor: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None
    incident_id: Optional[str] = None
    include_unreal: bool = False  # also negated and hypothetical events
    limit: Optional[int] = None
    # Filters the HTTP API adds (`strife.api`); all compared case-insensitively except the numbers.
    admin1: Optional[str] = None
    quad: Optional[str] = None  # as stored: verbal_cooperation, material_cooperation, verbal_conflict, material_conflict
    acled_event_type: Optional[str] = None
    min_confidence: Optional[float] = None
    text: Optional[str] = None  # the evidence sentence contains this
    # (canonical, country, sector) codings of one actor id (`strife.network.actor_id`), resolved by the caller
    actor_codings: Optional[tuple[tuple[str, Optional[str], Optional[str]], ...]] = None
    offset: int = 0


class Store:
    """The database of coded articles. Use as a context manager or call `close()`.

    A missing database is created at the latest schema; one at an older schema raises
    `SchemaError` unless `upgrade=True`, which migrates it first (what `strife db upgrade` does).
    """

    def __init__(self, db: Optional[str] = None, upgrade: bool = False):
        self.url = database_url(db)
        self.engine = make_engine(self.url)
        self._actor_key_pks: dict[str, int] = {}  # committed actor_keys rows, so a batch looks up only new names
        try:
            self.revision_before = prepare_schema(self.engine, upgrade=upgrade)
        except BaseException:
            self.engine.dispose()
            raise

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def has(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return _article_pk(conn, sha256) is not None

    def add(self, result: ArticleResult, text: str, origin: Optional[str] = None) -> StoreOutcome:
        """Store one article and all its records in one transaction; a known article is left as it is.

        A database error is raised and leaves nothing of the article behind; an article another
        process stored meanwhile is reported as already stored.
        """
        sha, n_events = result.article.sha256, len(result.events)
        try:
            with self._writing() as conn:
                if _article_pk(conn, sha) is not None:
                    return StoreOutcome(sha, False, n_events, origin)
                keys = _insert_articles(conn, [(result, text, origin)], self._actor_key_pks)
        except IntegrityError:
            if self.has(sha):  # another process stored it first (the unique key decided)
                return StoreOutcome(sha, False, n_events, origin)
            raise
        self._remember_actor_keys(keys)
        return StoreOutcome(sha, True, n_events, origin)

    def add_many(self, items: Iterable[tuple[ArticleResult, str, Optional[str]]]) -> list[StoreOutcome]:
        """Store several articles in one transaction, each whole or not at all; outcomes in input order.

        Many times faster than `add` in a loop: one commit, each table written by one bulk
        statement, actor names looked up once per batch. Should the batch fail on an article (one
        another process stored meanwhile, or a value the database refuses), it is rolled back and
        written again article by article: the others are stored, and the failing one comes back
        with `error` set instead of taking the batch down. Errors of the database itself (a lost
        connection, a full disk) are raised.
        """
        batch = list(items)
        try:
            with self._writing() as conn:
                outcomes, fresh = _split_known(conn, batch)
                keys = _insert_articles(conn, fresh, self._actor_key_pks)
        except (IntegrityError, DataError):
            return [self._add_reporting(*item) for item in batch]
        self._remember_actor_keys(keys)
        return outcomes

    def _add_reporting(self, result: ArticleResult, text: str, origin: Optional[str]) -> StoreOutcome:
        """`add`, with an error the article itself causes reported in the outcome instead of raised."""
        try:
            return self.add(result, text, origin)
        except (IntegrityError, DataError) as error:
            return StoreOutcome(result.article.sha256, False, len(result.events), origin, describe_error(error))

    def _remember_actor_keys(self, keys: dict[str, int]) -> None:
        """Keep the pks of committed actor keys (only committed ones: a rolled-back pk must not be reused)."""
        if len(self._actor_key_pks) + len(keys) > MAX_CACHED_ACTOR_KEYS:
            self._actor_key_pks.clear()
        self._actor_key_pks.update(keys)

    def events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        """Stored events matching the query, by day then storage order, in the output contract's shape."""
        for _, record in self._event_rows(query, select(events.c.pk, events.c.record)):
            yield Event.model_validate_json(record)

    def event_ids(self, query: EventQuery = EventQuery()) -> list[str]:
        """Ids of the events matching the query (cheaper than `events` when only ids are wanted)."""
        return [event_id for _, event_id in self._event_rows(query, select(events.c.pk, events.c.event_id))]

    def _event_rows(self, query: EventQuery, stmt) -> Iterator[tuple]:
        with self.engine.connect() as conn:
            paged = bool(query.limit or query.offset)
            where = query_filters(conn, query, every_match=not paged)
            if paged:
                # a page: choose its keys first, then read only those rows whole (a "deferred join"),
                # so a broad filter does not drag every matching record through the sort
                keys = (select(events.c.pk).where(*where).order_by(*OLDEST_FIRST)
                        .limit(query.limit).offset(query.offset or None).subquery())
                where = [events.c.pk.in_(select(keys.c.pk))]
            yield from conn.execute(stmt.where(*where).order_by(*OLDEST_FIRST))

    def articles(self, limit: Optional[int] = None) -> list[dict]:
        """Stored articles with their event counts, newest publication first."""
        stmt = select(
            articles.c.article_id, articles.c.sha256, articles.c.title, articles.c.published,
            articles.c.publisher, articles.c.url, articles.c.n_events, articles.c.ingested_at,
        ).order_by(articles.c.published.desc().nulls_last(), articles.c.pk)
        if limit:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]

    def article_result(self, sha256: str) -> Optional[ArticleResult]:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.result).where(articles.c.sha256 == sha256)).first()
        return ArticleResult.model_validate_json(row[0]) if row else None

    def counts(self) -> dict[str, int]:
        """Row counts per table, to show what a run changed (or that it changed nothing)."""
        with self.engine.connect() as conn:
            return {
                table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (articles, events, event_actors)
            }

    def check(self) -> list[str]:
        """Integrity problems found in the database, one sentence each; empty when all is well."""
        from strife.migrations import integrity_problems

        return integrity_problems(self.engine)

    def update_incidents(self, **options) -> int:
        """Cluster events not yet in an incident (see `strife.resolve.dedup`); returns how many were placed."""
        from strife.resolve.dedup import update_incidents

        with self._writing() as conn:
            return update_incidents(conn, **options)

    def incidents(self, query: EventQuery = EventQuery(), min_sources: int = 1) -> list:
        """Incidents with their sources side by side (`strife.resolve.dedup.Incident`)."""
        from strife.resolve.dedup import load_incidents

        with self.engine.connect() as conn:
            return load_incidents(conn, query, min_sources=min_sources)

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction that takes the database's write lock up front, so writers queue and
        never deadlock: BEGIN IMMEDIATE on SQLite, a transaction-scoped advisory lock on PostgreSQL
        (batches of articles in any order would otherwise wait on each other's rows)."""
        with self.engine.execution_options(strife_write=True).begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            yield conn


class BatchWriter:
    """Stores coded articles as they stream in, one transaction per batch (what `strife ingest` uses).

    A batch is written when `max_articles` wait or the first of them has waited `max_seconds`,
    whichever comes first, and by `flush`. A commit per article costs several times the bulk
    rate (`Store.add_many`); a small batch keeps the crash window small: a kill -9 loses at most
    the batch not yet committed, which a re-run stores (stored articles are skipped by their hash).

        with BatchWriter(store) as writer:
            for result, text in coded:
                report(writer.add(result, text))    # outcomes of a batch when one was written
            report(writer.flush())                  # and of the rest
    """

    def __init__(self, store: Store, max_articles: int = 50, max_seconds: float = 2.0):
        if max_articles < 1:
            raise ValueError(f"max_articles must be at least 1, not {max_articles}")
        self.store = store
        self.max_articles = max_articles
        self.max_seconds = max_seconds
        self._waiting: list[tuple[ArticleResult, str, Optional[str]]] = []
        self._first_waiting_since = 0.0

    def __enter__(self) -> "BatchWriter":
        return self

    def __exit__(self, exc_type, *_: object) -> None:
        """Store what waits, also on Ctrl-C (coded articles are whole); not after a database error."""
        if exc_type is None or issubclass(exc_type, KeyboardInterrupt):
            self.flush()

    @property
    def waiting(self) -> int:
        """Articles added but not yet written."""
        return len(self._waiting)

    def add(self, result: ArticleResult, text: str, origin: Optional[str] = None) -> list[StoreOutcome]:
        """Queue one article; returns the outcomes of the batch this completed (usually none)."""
        if not self._waiting:
            self._first_waiting_since = time.monotonic()
        self._waiting.append((result, text, origin))
        if len(self._waiting) >= self.max_articles or time.monotonic() - self._first_waiting_since >= self.max_seconds:
            return self.flush()
        return []

    def flush(self) -> list[StoreOutcome]:
        """Write every waiting article now; their outcomes, in the order they were added."""
        waiting, self._waiting = self._waiting, []
        return self.store.add_many(waiting) if waiting else []


def make_engine(url: str) -> Engine:
    """An engine for a strife URL: SQLite files get WAL and foreign keys, PostgreSQL uses psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername.startswith("sqlite"):
        database = parsed.database or ""
        if database not in ("", ":memory:") and not Path(database).parent.exists():
            raise ValueError(f"database folder {Path(database).parent} does not exist")
    engine = create_engine(parsed, pool_pre_ping=parsed.drivername.startswith("postgresql"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


# Pages of the first GiB of a SQLite file are read through a memory map shared by every connection
# instead of copied in by a read() call each: a page of API results reads events scattered over a
# table bigger than any page cache, and a third to a half of its SQL time was those copies (bench/api_load.py).
SQLITE_MMAP_BYTES = 1 << 30


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers work during an ingest; foreign keys make cascades real; a busy wait avoids spurious locks.

    `synchronous=NORMAL` in WAL mode survives a killed process (kill -9) intact and only risks the
    last commits on power loss. The driver's own transaction handling is switched off so that
    SQLAlchemy's BEGIN/SAVEPOINT are what SQLite sees (the documented pysqlite recipe).
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB instead of 2: big indexes stay in memory
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("strife_write") else "BEGIN")


def prepare_schema(engine: Engine, upgrade: bool = False) -> Optional[str]:
    """Create a new database at head, or check (and with `upgrade`, migrate) an existing one.

    Returns the revision the database was at before (None for a new database).
    """
    from strife.migrations import current_revision, stamp, upgrade_to_head

    with engine.begin() as conn:
        _lock_schema(conn)
        if not inspect(conn).has_table("articles"):
            metadata.create_all(conn)
            conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
            stamp(conn, "head")
            return None
        revision = current_revision(conn)
        if revision == HEAD_REVISION:
            return revision
        if not upgrade:
            url = display_url(str(engine.url)).replace("postgresql+psycopg", "postgresql")
            raise SchemaError(
                f"database {url} has schema revision {revision}, this strife needs {HEAD_REVISION}: "
                f"run `strife db upgrade --db {url}` (it keeps every row)"
            )
        upgrade_to_head(conn)
        return revision


def _lock_schema(conn: Connection) -> None:
    """Serialise schema creation between processes starting at once on one PostgreSQL database."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(815201)")


def _article_pk(conn: Connection, sha256: str) -> Optional[int]:
    row = conn.execute(select(articles.c.pk).where(articles.c.sha256 == sha256)).first()
    return row[0] if row else None


def _known_shas(conn: Connection, shas: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(shas), 500):
        found.update(conn.execute(select(articles.c.sha256).where(articles.c.sha256.in_(shas[start:start + 500]))).scalars())
    return found


def _split_known(conn: Connection, batch: Sequence[tuple[ArticleResult, str, Optional[str]]]) -> tuple[list[StoreOutcome], list]:
    """Outcomes in input order, and the articles to write: neither stored already nor repeated in the batch."""
    known = _known_shas(conn, [result.article.sha256 for result, _, _ in batch])
    outcomes, fresh = [], []
    for result, text, origin in batch:
        sha = result.article.sha256
        outcomes.append(StoreOutcome(sha, sha not in known, len(result.events), origin))
        if sha not in known:
            known.add(sha)
            fresh.append((result, text, origin))
    return outcomes, fresh


def _insert_articles(conn: Connection, items: Sequence[tuple[ArticleResult, str, Optional[str]]],
                     known_keys: Optional[dict[str, int]] = None) -> dict[str, int]:
    """Articles with all their records, one bulk statement per table; returns the actor keys used.

    Primary keys are reserved first (`_reserve_pks`), so no statement needs RETURNING and each
    table is one executemany through the driver.
    """
    if not items:
        return {}
    article_pks = _reserve_pks(conn, articles, len(items))
    event_pks = iter(_reserve_pks(conn, events, sum(len(result.events) for result, _, _ in items)))
    article_rows, event_rows, actor_rows = [], [], []
    for article_pk, (result, text, origin) in zip(article_pks, items):
        article_rows.append({"pk": article_pk, **_article_row(result, text, origin)})
        for ev in result.events:
            event_pk = next(event_pks)
            event_rows.append({"pk": event_pk, "article_pk": article_pk, **_event_row(ev, result.article.published)})
            actor_rows.extend(_actor_rows(event_pk, ev))
    _bulk_insert(conn, articles, article_rows)
    _bulk_insert(conn, events, event_rows)
    _bulk_insert(conn, event_actors, actor_rows)
    keys = _insert_actor_keys(conn, actor_rows, known_keys or {})
    _widen_max_span(conn, event_rows)
    return keys


def _reserve_pks(conn: Connection, table: Table, n: int) -> list[int]:
    """n unused primary keys of `table`, taken before its rows are inserted.

    PostgreSQL: drawn from the column's sequence, which concurrent writers share safely. SQLite:
    the ones after the largest, which no other writer can take meanwhile, because a strife write
    transaction holds the database's write lock from its first statement (BEGIN IMMEDIATE).
    """
    if n <= 0:
        return []
    if conn.dialect.name == "postgresql":
        sequence = func.pg_get_serial_sequence(table.name, "pk")
        return list(conn.execute(select(func.nextval(sequence)).select_from(func.generate_series(1, n))).scalars())
    first = conn.execute(select(func.coalesce(func.max(table.c.pk), 0) + 1)).scalar_one()
    return list(range(first, first + n))


def _bulk_insert(conn: Connection, table: Table, rows: Sequence[dict]) -> None:
    """Rows (dicts with the same keys) in one executemany through the driver.

    SQLAlchemy's per-row parameter handling costs more than the database's own work at this
    volume, so the values go through the column types' bind processors here (dates to text on
    SQLite, nothing on PostgreSQL) and straight to the driver.
    """
    if not rows:
        return
    names = tuple(rows[0])
    statement, processors = _insert_statement(conn.dialect, table, names)
    values = list(map(operator.itemgetter(*names), rows)) if len(names) > 1 else [(row[names[0]],) for row in rows]
    if processors:
        values = [_processed(row, processors) for row in values]
    conn.exec_driver_sql(statement, values)


def _processed(row: tuple, processors: tuple) -> tuple:
    values = list(row)
    for index, process in processors:
        if values[index] is not None:
            values[index] = process(values[index])
    return tuple(values)


@functools.lru_cache(maxsize=64)
def _insert_statement(dialect, table: Table, names: tuple[str, ...]) -> tuple[str, tuple]:
    """The driver-level INSERT of `names` into `table`, and (position, bind processor) of the
    columns whose type needs one on this dialect (booleans need none: the drivers take them)."""
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    statement = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in names)}) "
                 f"VALUES ({', '.join([marker] * len(names))})")
    processors = []
    for index, name in enumerate(names):
        column_type = table.c[name].type
        process = None if isinstance(column_type, Boolean) else column_type.dialect_impl(dialect).bind_processor(dialect)
        if process:
            processors.append((index, process))
    return statement, tuple(processors)


def _insert_actor_keys(conn: Connection, actor_rows: Sequence[dict], known: dict[str, int]) -> dict[str, int]:
    """Link events to their actor keys, adding keys not known yet; returns every key used with its pk."""
    wanted = {(row["event_pk"], key) for row in actor_rows for key in actor_row_keys(row)}
    if not wanted:
        return {}
    used = {key for _, key in wanted}
    key_pks = {key: known[key] for key in used if key in known}
    key_pks.update(ensure_actor_keys(conn, used - key_pks.keys()))
    _bulk_insert(conn, event_actor_keys, [{"event_pk": pk, "key_pk": key_pks[key]} for pk, key in sorted(wanted)])
    return key_pks


def actor_row_keys(row: dict) -> set[str]:
    """The lower-cased names an actor is found by: as written and as canonicalised."""
    return {value.casefold() for value in (row.get("name"), row.get("canonical")) if value}


def ensure_actor_keys(conn: Connection, keys: set[str]) -> dict[str, int]:
    """Primary keys of the given actor keys, inserting the new ones (safe against concurrent writers)."""
    if not keys:
        return {}
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    ordered = sorted(keys)  # one order for every writer, so concurrent inserts cannot deadlock
    conn.execute(insert(actor_keys).on_conflict_do_nothing(index_elements=["key"]), [{"key": k} for k in ordered])
    found: dict[str, int] = {}
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        found.update(conn.execute(select(actor_keys.c.key, actor_keys.c.pk).where(actor_keys.c.key.in_(chunk))).all())
    return found


def _widen_max_span(conn: Connection, rows: Sequence[dict]) -> None:
    longest = max(((row["day_end"] - row["day"]).days for row in rows if row["day"] and row["day_end"]), default=0)
    if longest <= max_span_days(conn):
        return
    updated = conn.execute(update(meta).where(meta.c.key == MAX_SPAN_KEY).values(value=str(longest)))
    if updated.rowcount == 0:
        conn.execute(meta.insert().values(key=MAX_SPAN_KEY, value=str(longest)))


def max_span_days(conn: Connection) -> int:
    value = conn.execute(select(meta.c.value).where(meta.c.key == MAX_SPAN_KEY)).scalar()
    return int(value) if value else 0


def _article_row(result: ArticleResult, text: str, origin: Optional[str] = None) -> dict:
    art = result.article
    return {
        "sha256": art.sha256,
        "article_id": art.id,
        "title": art.title,
        "url": art.url,
        "publisher": art.publisher,
        "published": art.published,
        "origin": origin,
        "text": text,
        "result": result.model_dump_json(),
        "n_events": len(result.events),
        "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def event_days(date: Optional[dt.date], date_end: Optional[dt.date], published: Optional[dt.date]) -> tuple:
    """(day, day_end): the day an event is filed under and the last day it covers."""
    day = date or published
    return day, max(date_end, day) if date_end and day else day


def _event_row(ev: Event, published: Optional[dt.date]) -> dict:
    loc = ev.location
    day, day_end = event_days(ev.date, ev.date_end, published)
    return {
        "event_id": ev.id,
        "event_type": ev.event_type,
        "mode": ev.mode,
        "quad": ev.quad,
        "cameo_root": ev.cameo_root,
        "acled_event_type": ev.acled_event_type,
        "acled_sub_event_type": ev.acled_sub_event_type,
        "date": ev.date,
        "date_end": ev.date_end,
        "date_precision": ev.date_precision,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "location": loc.name if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "fatalities": ev.fatalities.best if ev.fatalities and ev.fatalities.best is not None else (ev.fatalities.low if ev.fatalities else None),
        "negated": ev.negated,
        "hypothetical": ev.hypothetical,
        "confidence": ev.confidence,
        "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end,
        "record": ev.model_dump_json(),
        "day": day,
        "day_end": day_end,
        "incident_id": None,
        "cell": grid_cell(loc.lat, loc.lon) if loc else None,
    }


def _actor_rows(event_pk: int, ev: Event) -> list[dict]:
    def row(role: str, actor: Actor) -> dict:
        return {
            "event_pk": event_pk, "role": role, "name": actor.name,
            "canonical": actor.canonical or actor.name, "country": actor.country, "sector": actor.sector,
        }

    return [row("source", a) for a in ev.source] + [row("target", a) for a in ev.target]


def grid_cell(lat: Optional[float], lon: Optional[float]) -> Optional[int]:
    """The number of the GRID_DEGREES square holding a point (None without coordinates).

    Rows and columns are clamped to the grid, so the numbering is monotonic in latitude and
    longitude: every point inside a box lies in one of `bbox_cells(box)`.
    """
    if lat is None or lon is None:
        return None
    row = min(max(math.floor((lat + 90.0) / GRID_DEGREES), 0), GRID_ROWS - 1)
    column = min(max(math.floor((lon + 180.0) / GRID_DEGREES), 0), GRID_COLUMNS - 1)
    return row * GRID_COLUMNS + column


def bbox_cells(bbox: tuple[float, float, float, float]) -> Optional[list[int]]:
    """The grid cells a (min_lon, min_lat, max_lon, max_lat) box touches; None when there are too
    many for an IN list to beat a plain scan (more than MAX_BBOX_CELLS)."""
    min_lon, min_lat, max_lon, max_lat = bbox
    first_row, first_column = divmod(grid_cell(min_lat, min_lon), GRID_COLUMNS)
    last_row, last_column = divmod(grid_cell(max_lat, max_lon), GRID_COLUMNS)
    if max(0, last_row - first_row + 1) * max(0, last_column - first_column + 1) > MAX_BBOX_CELLS:
        return None
    return [row * GRID_COLUMNS + column for row in range(first_row, last_row + 1)
            for column in range(first_column, last_column + 1)]


def bbox_filters(bbox: tuple[float, float, float, float]) -> list:
    """Events inside a (min_lon, min_lat, max_lon, max_lat) box: the cells it touches, which the
    (cell, day) index serves, then the exact latitude/longitude test, so nothing outside is returned."""
    min_lon, min_lat, max_lon, max_lat = bbox
    exact = [events.c.lat.between(min_lat, max_lat), events.c.lon.between(min_lon, max_lon)]
    cells = bbox_cells(bbox)
    return exact if cells is None else [events.c.cell.in_(cells), *exact]


def event_filters(query: EventQuery, max_span_days: int = 0, actor_plan: Optional["ActorPlan"] = None) -> list:
    """The WHERE conditions of `query`. Without a database at hand, dates are bounded as if no event
    spanned more than `max_span_days` and the actor is matched as a narrow one; `query_filters`
    reads both from the database."""
    filters = []
    if query.country:
        filters.append(events.c.country == query.country.upper())
    if query.event_type:
        filters.append(events.c.event_type == query.event_type.upper())
    if query.since:
        # day_end >= since is the meaning; day >= since - longest span lets the day index bound the scan.
        filters.append(events.c.day_end >= query.since)
        filters.append(events.c.day >= query.since - dt.timedelta(days=max_span_days))
    if query.until:
        filters.append(events.c.day <= query.until)
    if query.bbox:
        filters.extend(bbox_filters(query.bbox))
    if query.actor:
        filters.append(actor_filter(query.actor, actor_plan))
    if query.incident_id:
        filters.append(events.c.incident_id == query.incident_id)
    if not query.include_unreal:
        filters.extend([events.c.negated.is_(False), events.c.hypothetical.is_(False)])
    return filters + _api_filters(query)


def query_filters(conn: Connection, query: EventQuery, every_match: bool = False) -> list:
    """`event_filters` planned for this database: dates bounded by its longest stored span, and the
    actor matched in the form that suits how many events the actor has (`plan_actor`).

    The plan is for reading the first rows in day order (a page). Pass `every_match` to count the
    matches or read them all: any actor's events are then gathered through the key index, which
    beats checking every event in the database unless nearly all of them have the actor.
    """
    plan = plan_actor(conn, query.actor) if query.actor and not every_match else None
    return event_filters(query, max_span_days(conn), plan)


@dataclass(frozen=True)
class ActorPlan:
    """How to match an actor. A narrow one (`event_pks` given) is matched by the list of its events,
    which every planner estimates exactly: told only "the events of these keys", PostgreSQL may walk
    the day index through every event to find fifty. A broad one (`event_pks` None) has so many
    events that reading events in page order and checking each (by its `key_pks`) finds a page
    sooner than gathering every match and sorting them."""

    key_pks: tuple[int, ...]
    event_pks: Optional[tuple[int, ...]] = None

    @property
    def broad(self) -> bool:
        return self.event_pks is None


BROAD_ACTOR_SHARE = 100  # an actor in more than 1 event in this many is broad...
MIN_BROAD_ACTOR_LINKS = 2_000  # ...and in more than this many events
MAX_LISTED_ACTOR_KEYS = 5_000  # more matching keys than this stay a subquery (a bound list has limits)


def plan_actor(conn: Connection, actor: str, min_links: int = MIN_BROAD_ACTOR_LINKS,
               share: int = BROAD_ACTOR_SHARE, max_keys: int = MAX_LISTED_ACTOR_KEYS) -> ActorPlan:
    """The actor keys containing `actor`, and the actor's events unless it is broad: linked to at
    least `min_links` events and to 1 event in `share`. Links are read only up to that threshold
    (a broad name like "military forces" has hundreds of thousands), so planning stays cheap."""
    keys = select(actor_keys.c.pk).where(actor_keys.c.key.contains(actor.casefold(), autoescape=True))
    key_pks = tuple(conn.execute(keys.limit(max_keys + 1)).scalars())
    if len(key_pks) > max_keys:
        return ActorPlan(())  # so many names match that most events will: broad, keys left a subquery
    if not key_pks:
        return ActorPlan((), event_pks=())
    last_event = conn.execute(select(func.max(events.c.pk))).scalar() or 0  # about how many events (an index end)
    threshold = max(min_links, last_event // share)
    links = select(event_actor_keys.c.event_pk).where(event_actor_keys.c.key_pk.in_(key_pks)).limit(threshold)
    event_pks = list(conn.execute(links).scalars())
    if len(event_pks) >= threshold:
        return ActorPlan(key_pks)
    return ActorPlan(key_pks, event_pks=tuple(sorted(set(event_pks))))


def actor_filter(actor: str, plan: Optional[ActorPlan] = None):
    """Events with an actor whose name or canonical name contains `actor` (case-insensitive).

    Unplanned, the events are gathered through the (key, event) index, the keys named by a
    subquery. Planned narrow, they are listed. Planned broad, each event is checked, so a page in day
    order is read from the day index and stops when full instead of sorting every match first:
    its keys are looked up on the (event, key) primary key, the test written `key_pk + 0` so that
    SQLite does not seek each key in turn for every event.
    """
    if plan is not None and not plan.broad:
        return events.c.pk.in_(plan.event_pks) if plan.event_pks else false()
    keys = select(actor_keys.c.pk).where(actor_keys.c.key.contains(actor.casefold(), autoescape=True))
    if plan is None:
        return events.c.pk.in_(select(event_actor_keys.c.event_pk).where(event_actor_keys.c.key_pk.in_(keys)))
    return exists().where(event_actor_keys.c.event_pk == events.c.pk, (event_actor_keys.c.key_pk + 0).in_(plan.key_pks or keys))


def _api_filters(query: EventQuery) -> list:
    """The filters the HTTP API adds to `event_filters`; every value a bound parameter."""
    filters = []
    if query.admin1:
        filters.append(func.lower(events.c.admin1) == query.admin1.lower())
    if query.quad:
        filters.append(events.c.quad == query.quad.lower())
    if query.acled_event_type:
        filters.append(func.lower(events.c.acled_event_type) == query.acled_event_type.lower())
    if query.min_confidence is not None:
        filters.append(events.c.confidence >= query.min_confidence)
    if query.text:
        # The evidence is a slice of the article text (offsets are characters, substr counts characters).
        source = articles.alias("evidence_article")  # an alias: the outer query may join articles itself
        evidence = select(func.substr(source.c.text, events.c.evidence_start + 1,
                                      events.c.evidence_end - events.c.evidence_start)).where(
            source.c.pk == events.c.article_pk).correlate_except(source).scalar_subquery()
        filters.append(func.lower(evidence).contains(query.text.lower(), autoescape=True))
    if query.actor_codings is not None:
        codings = [and_(event_actors.c.canonical == canonical, event_actors.c.country.is_not_distinct_from(country),
                        event_actors.c.sector.is_not_distinct_from(sector))
                   for canonical, country, sector in query.actor_codings]
        matching = select(event_actors.c.event_pk).where(or_(*codings) if codings else false())
        filters.append(events.c.pk.in_(matching))
    return filters


__all__ = [
    "BatchWriter", "DEFAULT_DB", "EventQuery", "SchemaError", "Store", "StoreOutcome", "database_url", "describe_error", "display_url",
    "ActorPlan", "actor_filter", "bbox_cells", "bbox_filters", "event_filters", "grid_cell", "make_engine", "metadata",
    "plan_actor", "prepare_schema", "query_filters",
]
