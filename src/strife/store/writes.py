"""Writing coded articles: each article whole with all its rows, many articles per statement.

`Store.add` and `Store.add_many` open the write transaction and call `insert_articles` here;
`BatchWriter` gathers a stream of coded articles into such batches. Rows are built from the output
contract (`ArticleResult`), and the full record is kept as JSON beside the indexed columns.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Sequence

from sqlalchemy import Boolean, Connection, Table, bindparam, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from strife.conventions import told_share
from strife.model import Actor, ArticleResult, Event
from strife.store.dedup import release_incidents
from strife.store.queries import max_span_days
from strife.store.schema import (
    MAX_SPAN_KEY,
    actor_keys,
    articles,
    event_actor_keys,
    event_actors,
    events,
    grid_cell,
    in_batches,
    meta,
    utc_now,
)

if TYPE_CHECKING:
    from strife.store.database import Store


@dataclass
class StoreOutcome:
    """What storing one article did: `stored` False means it was already there (or, with `error`
    set, that it could not be stored: `add_many` reports such an article and stores the others)."""

    sha256: str
    stored: bool
    n_events: int
    origin: Optional[str] = None
    error: Optional[str] = None
    recoded: bool = False  # it was stored already and its events were replaced (`--recode`)


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

    def __init__(self, store: Store, max_articles: int = 50, max_seconds: float = 2.0, recode: bool = False):
        if max_articles < 1:
            raise ValueError(f"max_articles must be at least 1, not {max_articles}")
        self.store = store
        self.recode = recode  # replace the events of articles stored already
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

    @property
    def due(self) -> bool:
        """Whether the first waiting article has waited `max_seconds` (a caller may then `flush`
        between articles, say while inputs that are not articles stream past)."""
        return bool(self._waiting) and time.monotonic() - self._first_waiting_since >= self.max_seconds

    def add(self, result: ArticleResult, text: str, origin: Optional[str] = None) -> list[StoreOutcome]:
        """Queue one article; returns the outcomes of the batch this completed (usually none)."""
        if not self._waiting:
            self._first_waiting_since = time.monotonic()
        self._waiting.append((result, text, origin))
        if len(self._waiting) >= self.max_articles or self.due:
            return self.flush()
        return []

    def flush(self) -> list[StoreOutcome]:
        """Write every waiting article now; their outcomes, in the order they were added."""
        waiting, self._waiting = self._waiting, []
        if not waiting:
            return []
        # a batch is one transaction and stored articles are found by their hash: trying it again
        # after a lost connection (a database restarted mid-ingest) neither loses nor doubles one
        return self.store.retrying(self.store.add_many, waiting, recode=self.recode)


def article_pk(conn: Connection, sha256: str) -> Optional[int]:
    row = conn.execute(select(articles.c.pk).where(articles.c.sha256 == sha256)).first()
    return row[0] if row else None


def known_articles(conn: Connection, shas: Sequence[str]) -> dict[str, int]:
    """The stored articles among `shas`, with their number of events."""
    return _pairs_in(conn, articles.c.sha256, articles.c.n_events, shas)


def _pairs_in(conn: Connection, key: Any, value: Any, keys: Sequence[str]) -> dict[str, int]:
    """key -> value of the rows whose `key` column is one of `keys`, looked up in batches."""
    found: dict[str, int] = {}
    for batch in in_batches(keys):
        found.update(conn.execute(select(key, value).where(key.in_(batch))).all())
    return found


Item = tuple[ArticleResult, str, Optional[str]]


def split_known(conn: Connection, batch: Sequence[Item], recode: bool = False) -> tuple[list[StoreOutcome], list[Item], list[Item]]:
    """Outcomes in input order, the articles to write (not stored, not repeated in the batch) and,
    with `recode`, the stored ones whose records to replace (each once)."""
    known = set(known_articles(conn, [result.article.sha256 for result, _, _ in batch]))
    outcomes, fresh, stale = [], [], []
    for result, text, origin in batch:
        sha = result.article.sha256
        replace = recode and sha in known and all(sha != r.article.sha256 for r, _, _ in stale)
        outcomes.append(StoreOutcome(sha, sha not in known, len(result.events), origin, recoded=replace))
        if replace:
            stale.append((result, text, origin))
        elif sha not in known:
            known.add(sha)
            fresh.append((result, text, origin))
    return outcomes, fresh, stale


def insert_articles(conn: Connection, items: Sequence[tuple[ArticleResult, str, Optional[str]]],
                     known_keys: Optional[dict[str, int]] = None) -> dict[str, int]:
    """Articles with all their records, one bulk statement per table; returns the actor keys used.

    Primary keys are reserved first (`_reserve_pks`), so no statement needs RETURNING and each
    table is one executemany through the driver.
    """
    if not items:
        return {}
    article_pks = _reserve_pks(conn, articles, len(items))
    _bulk_insert(conn, articles, [{"pk": pk, **_article_row(result, text, origin)}
                                  for pk, (result, text, origin) in zip(article_pks, items)])
    return _insert_records(conn, [(pk, result) for pk, (result, _, _) in zip(article_pks, items)], known_keys)


def replace_articles(conn: Connection, items: Sequence[Item], known_keys: Optional[dict[str, int]] = None) -> dict[str, int]:
    """Stored articles coded again (`--recode`): their rows updated, their events replaced, the
    incidents that lose events refreshed, all in the caller's transaction, so a reader sees either
    the old records or the new ones and never two copies. Returns the actor keys used."""
    if not items:
        return {}
    pks = dict(conn.execute(select(articles.c.sha256, articles.c.pk)
                            .where(articles.c.sha256.in_([r.article.sha256 for r, _, _ in items]))).all())
    items = [item for item in items if item[0].article.sha256 in pks]
    touched = set(conn.execute(select(events.c.incident_id).distinct()
                               .where(events.c.article_pk.in_(pks.values()), events.c.incident_id.is_not(None))).scalars())
    conn.execute(delete(events).where(events.c.article_pk.in_(pks.values())))  # actors and keys go by cascade
    rows = [{"row_pk": pks[r.article.sha256], **_article_row(r, text, origin)} for r, text, origin in items]
    conn.execute(update(articles).where(articles.c.pk == bindparam("row_pk")),
                 [{k: v for k, v in row.items() if k not in ("sha256",)} for row in rows])
    release_incidents(conn, touched)
    return _insert_records(conn, [(pks[r.article.sha256], r) for r, _, _ in items], known_keys)


def _insert_records(conn: Connection, coded: Sequence[tuple[int, ArticleResult]],
                    known_keys: Optional[dict[str, int]]) -> dict[str, int]:
    """The events of stored article rows (article pk, result), with their actors and actor keys."""
    event_pks = iter(_reserve_pks(conn, events, sum(len(result.events) for _, result in coded)))
    event_rows, actor_rows = [], []
    for article_pk, result in coded:
        for ev in result.events:
            event_pk = next(event_pks)
            event_rows.append({"pk": event_pk, "article_pk": article_pk, **_event_row(ev, result.article.published)})
            actor_rows.extend(_actor_rows(event_pk, ev))
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
    return _pairs_in(conn, actor_keys.c.key, actor_keys.c.pk, ordered)


def _widen_max_span(conn: Connection, rows: Sequence[dict]) -> None:
    longest = max(((row["day_end"] - row["day"]).days for row in rows if row["day"] and row["day_end"]), default=0)
    if longest <= max_span_days(conn):
        return
    updated = conn.execute(update(meta).where(meta.c.key == MAX_SPAN_KEY).values(value=str(longest)))
    if updated.rowcount == 0:
        conn.execute(meta.insert().values(key=MAX_SPAN_KEY, value=str(longest)))


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
        "ingested_at": utc_now(),
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
        # the text's figure, or this row's share of a toll several rows hold: sums count it once
        "fatalities": told_share(ev.fatalities),
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

