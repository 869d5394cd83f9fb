"""Opening a strife database: its URL, the SQLAlchemy engine, the schema check, and `Store`.

`Store` is the object a user holds: it writes coded articles (`strife.store.writes`) in write
transactions that queue instead of deadlocking, and reads them back (`strife.store.queries`,
`strife.store.dedup`). A new database is created at the latest revision; an older one is
refused with a hint until `strife db upgrade` (`upgrade_database`) migrates it.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, TypeVar

from sqlalchemy import Connection, create_engine, event, func, inspect, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError

from strife.model import ArticleResult, Event
from strife.store.queries import OLDEST_FIRST, EventQuery, query_filters
from strife.store.revisions import current_revision, stamp, upgrade_to_head
from strife.store.schema import HEAD_REVISION, articles, event_actors, events, meta, metadata
from strife.store.writes import StoreOutcome, article_pk, insert_articles, known_articles, replace_articles, split_known

DEFAULT_DB = "strife.db"
WRITE_LOCK = 815203  # PostgreSQL advisory lock held by strife write transactions
MAX_CACHED_ACTOR_KEYS = 200_000  # per Store; beyond it the cache starts again (it only saves lookups)
RECONNECT_SECONDS = 60.0  # how long `Store.retrying` waits for a PostgreSQL server to come back
T = TypeVar("T")


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
            return article_pk(conn, sha256) is not None

    def known(self, shas: Sequence[str]) -> dict[str, int]:
        """The stored articles among these SHA-256s, with their number of events: what an ingest
        looks up before coding, so a stored article is never coded again (unless recoded)."""
        if not shas:
            return {}
        with self.engine.connect() as conn:
            return known_articles(conn, list(shas))

    def retrying(self, write: Callable[..., T], *args: object, **kwargs: object) -> T:
        """`write(*args, **kwargs)`, tried again while a PostgreSQL server is unreachable (restarted,
        failed over) for up to `RECONNECT_SECONDS`. Only for idempotent work: every strife write
        is one transaction and finds stored articles by their hash, so a retry never doubles one."""
        deadline, pause = time.monotonic() + RECONNECT_SECONDS, 0.25
        while True:
            try:
                return write(*args, **kwargs)
            except DBAPIError as error:
                lost = isinstance(error, OperationalError) or error.connection_invalidated
                if not lost or self.backend != "postgresql" or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 4.0)

    def add(self, result: ArticleResult, text: str, origin: Optional[str] = None, recode: bool = False) -> StoreOutcome:
        """Store one article and all its records in one transaction; a known article is left as it
        is, or with `recode` has its records replaced by these.

        A database error is raised and leaves nothing of the article behind; an article another
        process stored meanwhile is reported as already stored.
        """
        sha, n_events, item = result.article.sha256, len(result.events), (result, text, origin)
        try:
            with self._writing() as conn:
                stored = article_pk(conn, sha) is not None
                if stored and not recode:
                    return StoreOutcome(sha, False, n_events, origin)
                write = replace_articles if stored else insert_articles
                keys = write(conn, [item], self._actor_key_pks)
        except IntegrityError:
            if self.has(sha):  # another process stored it first (the unique key decided)
                return StoreOutcome(sha, False, n_events, origin)
            raise
        self._remember_actor_keys(keys)
        return StoreOutcome(sha, not stored, n_events, origin, recoded=stored)

    def add_many(self, items: Iterable[tuple[ArticleResult, str, Optional[str]]], recode: bool = False) -> list[StoreOutcome]:
        """Store several articles in one transaction, each whole or not at all; outcomes in input order.
        With `recode`, articles stored already have their records replaced (`replace_articles`).

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
                outcomes, fresh, stale = split_known(conn, batch, recode)
                keys = insert_articles(conn, fresh, self._actor_key_pks)
                keys.update(replace_articles(conn, stale, self._actor_key_pks))
        except (IntegrityError, DataError):
            return [self._add_reporting(*item, recode=recode) for item in batch]
        self._remember_actor_keys(keys)
        return outcomes

    def _add_reporting(self, result: ArticleResult, text: str, origin: Optional[str], recode: bool = False) -> StoreOutcome:
        """`add`, with an error the article itself causes reported in the outcome instead of raised."""
        try:
            return self.add(result, text, origin, recode)
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
        from strife.store.integrity import integrity_problems

        return integrity_problems(self.engine)

    def update_incidents(self, **options) -> int:
        """Cluster events not yet in an incident (`strife.store.dedup`); returns how many were placed."""
        from strife.store.dedup import update_incidents

        with self._writing() as conn:
            return update_incidents(conn, **options)

    def unplaced_events(self) -> int:
        """Real events not in an incident yet (stored by a strife that placed them only when listing)."""
        from strife.store.dedup import count_unplaced

        with self.engine.connect() as conn:
            return count_unplaced(conn)

    def incidents(self, query: EventQuery = EventQuery(), min_sources: int = 1) -> list:
        """Incidents with their sources side by side (`strife.resolve.dedup.Incident`)."""
        from strife.store.dedup import load_incidents

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
    with engine.begin() as conn:
        _lock_schema(conn)
        if not inspect(conn).has_table("articles"):
            metadata.create_all(conn)
            conn.execute(meta.insert().values(key="schema_version", value=str(int(HEAD_REVISION))))
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


def upgrade_database(db: Optional[str] = None) -> tuple[Optional[str], str]:
    """Bring a database (path or URL) to the latest schema; returns (revision before, revision now)."""
    with Store(db, upgrade=True) as store:
        return store.revision_before, HEAD_REVISION
