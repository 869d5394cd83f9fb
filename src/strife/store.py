"""Keep coded articles in a database: SQLite by default, any SQLAlchemy URL later.

An article is identified by the SHA-256 of its normalised text, so storing the same article twice
writes nothing. Each article is written with all its records in one transaction: a crash leaves
either the whole article or none of it. The full `ArticleResult` is kept as JSON beside indexed
columns for the common filters, so what `strife events --format json` prints is exactly what
`strife extract` printed.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    or_,
    select,
)
from sqlalchemy.engine import Engine

from strife.model import Actor, ArticleResult, Event

DEFAULT_DB = "strife.db"
SCHEMA_VERSION = 1

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

meta = Table("strife_meta", metadata, Column("key", String, primary_key=True), Column("value", Text))

Index("ix_events_country_type_date", events.c.country, events.c.event_type, events.c.date)
Index("ix_events_date", events.c.date)
Index("ix_events_article", events.c.article_pk)
Index("ix_event_actors_canonical", event_actors.c.canonical)
Index("ix_event_actors_event", event_actors.c.event_pk)
Index("ix_articles_published", articles.c.published)


def database_url(db: Optional[str] = None) -> str:
    """A SQLAlchemy URL from `--db` (a path or a URL), else `STRIFE_DB`, else ./strife.db."""
    value = db or os.environ.get("STRIFE_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


@dataclass
class StoreOutcome:
    """What storing one article did: `stored` False means it was already there."""

    sha256: str
    stored: bool
    n_events: int


@dataclass
class EventQuery:
    """Filters of `strife events` and the API; every field optional."""

    country: Optional[str] = None
    event_type: Optional[str] = None
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    actor: Optional[str] = None
    include_unreal: bool = False  # also negated and hypothetical events
    limit: Optional[int] = None


class Store:
    """The database of coded articles. Use as a context manager or call `close()`."""

    def __init__(self, db: Optional[str] = None):
        self.url = database_url(db)
        self.engine = _make_engine(self.url)
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            if conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first() is None:
                conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def has(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.pk).where(articles.c.sha256 == sha256)).first() is not None

    def add(self, result: ArticleResult, text: str, origin: Optional[str] = None) -> StoreOutcome:
        """Store one article and all its records in one transaction; a known article is left as it is."""
        sha = result.article.sha256
        with self.engine.begin() as conn:
            if conn.execute(select(articles.c.pk).where(articles.c.sha256 == sha)).first() is not None:
                return StoreOutcome(sha, False, len(result.events))
            article_pk = conn.execute(articles.insert().values(**_article_row(result, text, origin))).inserted_primary_key[0]
            for ev in result.events:
                event_pk = conn.execute(events.insert().values(article_pk=article_pk, **_event_row(ev))).inserted_primary_key[0]
                rows = _actor_rows(event_pk, ev)
                if rows:
                    conn.execute(event_actors.insert(), rows)
        return StoreOutcome(sha, True, len(result.events))

    def events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        """Stored events matching the query, by date then id, in the output contract's shape."""
        stmt = select(events.c.record).select_from(events.join(articles))
        stmt = stmt.where(*_event_filters(query)).order_by(events.c.date, events.c.pk)
        if query.limit:
            stmt = stmt.limit(query.limit)
        with self.engine.connect() as conn:
            for (record,) in conn.execute(stmt):
                yield Event.model_validate_json(record)

    def articles(self, limit: Optional[int] = None) -> list[dict]:
        """Stored articles with their event counts, newest publication first."""
        stmt = select(
            articles.c.article_id, articles.c.sha256, articles.c.title, articles.c.published,
            articles.c.publisher, articles.c.url, articles.c.n_events, articles.c.ingested_at,
        ).order_by(articles.c.published.desc(), articles.c.pk)
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


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if str(path) not in ("", ":memory:") and not path.parent.exists():
            raise ValueError(f"database folder {path.parent} does not exist")
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers work during an ingest; foreign keys make cascades real; a busy wait avoids spurious locks."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _article_row(result: ArticleResult, text: str, origin: Optional[str]) -> dict:
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


def _event_row(ev: Event) -> dict:
    loc = ev.location
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
    }


def _actor_rows(event_pk: int, ev: Event) -> list[dict]:
    def row(role: str, actor: Actor) -> dict:
        return {
            "event_pk": event_pk, "role": role, "name": actor.name,
            "canonical": actor.canonical or actor.name, "country": actor.country, "sector": actor.sector,
        }

    return [row("source", a) for a in ev.source] + [row("target", a) for a in ev.target]


def _event_filters(query: EventQuery) -> list:
    filters = []
    if query.country:
        filters.append(events.c.country == query.country.upper())
    if query.event_type:
        filters.append(events.c.event_type == query.event_type.upper())
    when = func.coalesce(events.c.date, articles.c.published)
    if query.since:
        filters.append(func.coalesce(events.c.date_end, when) >= query.since)
    if query.until:
        filters.append(when <= query.until)
    if query.actor:
        pattern = f"%{query.actor.lower()}%"
        matching = select(event_actors.c.event_pk).where(
            or_(func.lower(event_actors.c.name).like(pattern), func.lower(event_actors.c.canonical).like(pattern))
        )
        filters.append(events.c.pk.in_(matching))
    if not query.include_unreal:
        filters.extend([events.c.negated.is_(False), events.c.hypothetical.is_(False)])
    return filters

