"""What the HTTP API reads from a `Store`, as plain functions a script can call without a server.

    with Store("strife.db") as store:
        total, rows = event_page(store, EventQuery(country="SYR"), limit=100, offset=0)
        stats = event_stats(store, EventQuery(since=date(2016, 12, 1)))

Every filter is an `EventQuery` turned into SQL by `strife.store.event_filters` (bound parameters
only). Pages are ordered newest day first, then by event id, so page N+1 continues page N. Event
records are returned as the JSON the store keeps (the output contract), so serving a page of events
costs no parsing and no re-serialising.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring
from typing import Any, NamedTuple, Optional

from sqlalchemy import Connection, func, select

from strife.network import actor_id
from strife.store.dedup import incident_filters
from strife.store import (
    EventQuery,
    Store,
    articles,
    event_actors,
    event_filters,
    events,
    incidents,
    query_filters,
)

ACTOR_ID_PATTERN = re.compile(r"^a[0-9a-f]{12}$")
ARTICLE_REF_COLUMNS = (articles.c.article_id, articles.c.sha256, articles.c.title, articles.c.url,
                       articles.c.publisher, articles.c.published)


class EventRow(NamedTuple):
    """One stored event as the API serves it: its contract JSON and the article it came from (a
    tuple: a page makes a hundred of them per request)."""

    record: str  # Event.model_dump_json(), exactly as stored
    article_json: str  # ArticleRef JSON: {"id", "sha256", "title", "url", "publisher", "published"}

    def item_json(self) -> str:
        """The EventItem JSON: the event's record with its `article` added, built without parsing the record."""
        return f'{self.record[:-1]},"article":{self.article_json}}}'


def article_ref(row: Any) -> dict:
    """The short description of an article every event carries (`published` as an ISO date)."""
    return {"id": row.article_id, "sha256": row.sha256, "title": row.title, "url": row.url,
            "publisher": row.publisher, "published": _iso(row.published)}


def article_ref_json(article_id: str, sha256: str, title: Optional[str], url: Optional[str],
                     publisher: Optional[str], published: Optional[dt.date]) -> str:
    """`article_ref` of the ARTICLE_REF_COLUMNS values as JSON text, written field by field with
    json's own string quoting: what json.dumps(..., ensure_ascii=False) gives, at a fifth of its
    cost (a page has a hundred of them)."""
    return (f'{{"id":{_quoted(article_id)},"sha256":{_quoted(sha256)},"title":{_quoted(title)},"url":{_quoted(url)},'
            f'"publisher":{_quoted(publisher)},"published":{_quoted(_iso(published))}}}')


def _quoted(text: Optional[str]) -> str:
    return "null" if text is None else encode_basestring(text)


def _iso(day: Optional[dt.date]) -> Optional[str]:
    return day.isoformat() if day else None


def _where(conn: Connection, query: EventQuery, every_match: bool = False) -> list:
    """The query's SQL conditions, planned for this database (`strife.store.query_filters`) when a
    date or an actor needs it; without either nothing depends on the data, so nothing is read.
    `every_match`: for counts and aggregates, which read all matches (the plan that makes a broad
    actor's first page fast makes its count slow)."""
    if query.since or query.actor:
        return query_filters(conn, query, every_match=every_match)
    return event_filters(query)


NEWEST_FIRST = (events.c.day.desc().nulls_last(), events.c.event_id)


def _page(columns, where: list, limit: int, offset: int):
    """A page of `columns` (events joined to articles) newest first, sorting only the keys: the page's
    event keys are chosen first, then only those rows are read whole (a "deferred join"), so a broad
    filter does not drag every matching record through the sort."""
    keys = select(events.c.pk).where(*where).order_by(*NEWEST_FIRST).limit(limit).offset(offset).correlate(None)
    return (select(*columns).select_from(events.join(articles, articles.c.pk == events.c.article_pk))
            .where(events.c.pk.in_(keys)).order_by(*NEWEST_FIRST))


class QueryCache:
    """Answers of the costly whole-filter queries (totals, stats, the map layer) and the JSON of
    event pages, kept until the database changes: the first page of a dashboard is the same for
    every visitor, and counting 100,000 rows for each of them is what made it slow. Thread-safe;
    least recently used go first, from one of three pools: numbers (many), stats and map layers
    (few: a layer can be megabytes), pages (up to `max_page_bytes` of memory in all).

    One computation per answer: requests that want an answer another thread is computing wait for
    it instead of computing it again, so twenty clients opening the same view cost one count, not twenty.
    """

    SMALL = ("count", "located")  # kinds whose answers are numbers
    PAGES = ("page",)  # kinds whose answers are event pages (JSON bytes)

    def __init__(self, max_small: int = 4096, max_large: int = 64, max_page_bytes: int = 64 * 2**20):
        self._limits = {"small": max_small, "large": max_large}
        self._max_page_bytes = max_page_bytes
        self._page_bytes = 0
        self._pools: dict[str, OrderedDict[tuple, tuple[tuple, Any]]] = {name: OrderedDict() for name in ("small", "large", "page")}
        self._running: dict[tuple, threading.Event] = {}  # (key, version) -> set when its computation ends
        self._lock = threading.Lock()

    def get(self, source: Store | Connection, key: tuple, compute: Callable[[], Any]) -> Any:
        """The cached answer for `key` (its first item the kind, maybe followed by ':' and details)
        at the current version of the database (read on `source`, a connection the caller holds or the store)."""
        version = data_version(source)
        pool = self._pools[self._pool_of(key)]
        while True:
            with self._lock:
                hit = pool.get(key)
                if hit is not None and hit[0] == version:
                    pool.move_to_end(key)
                    return hit[1]
                running = self._running.get((key, version))
                if running is None:
                    self._running[(key, version)] = threading.Event()
                    break
            running.wait()  # then look again: its answer is kept (or it failed, and this thread tries)
        try:
            value = compute()
            with self._lock:
                self._keep(key, version, value)
            return value
        finally:
            with self._lock:
                self._running.pop((key, version)).set()

    def _pool_of(self, key: tuple) -> str:
        kind = key[0].split(":", 1)[0]
        return "small" if kind in self.SMALL else "page" if kind in self.PAGES else "large"

    def _keep(self, key: tuple, version: tuple, value: Any) -> None:
        """Store an answer, then drop the least recently used past the pool's limit (the lock is held)."""
        name = self._pool_of(key)
        pool = self._pools[name]
        if name == "page":
            self._page_bytes += sys.getsizeof(value) - (sys.getsizeof(pool[key][1]) if key in pool else 0)
        pool[key] = (version, value)
        pool.move_to_end(key)
        while (len(pool) > self._limits[name]) if name != "page" else (self._page_bytes > self._max_page_bytes):
            _, (_, dropped) = pool.popitem(last=False)
            if name == "page":
                self._page_bytes -= sys.getsizeof(dropped)


def _cached(cache: Optional[QueryCache], store: Store, query: EventQuery, kind: str,
            compute: Callable[[Connection], Any], conn: Optional[Connection] = None) -> Any:
    """`compute(conn)` through the cache unless there is none or the query names an incident
    (incidents are re-clustered without adding rows, which the cache's version does not see); on
    `conn` if given, else on a connection of its own, checked out only when there is work to do."""
    if conn is None:
        with store.engine.connect() as own:
            return _cached(cache, store, query, kind, compute, own)
    if cache is None or query.incident_id:
        return compute(conn)
    return cache.get(conn, (kind, repr(query)), lambda: compute(conn))


def count_events(store: Store, query: EventQuery, cache: Optional[QueryCache] = None, located: bool = False,
                 conn: Optional[Connection] = None) -> int:
    """How many events match the query (its limit and offset ignored); `located`: only those with
    coordinates. `conn`: a connection the caller already holds, used for the count and the cache's
    version check instead of a checkout (and a BEGIN) each."""
    def count(conn: Connection) -> int:
        where = _where(conn, query, every_match=True) + (LOCATED if located else [])
        return conn.execute(select(func.count()).select_from(events).where(*where)).scalar_one()

    return _cached(cache, store, query, "located" if located else "count", count, conn)


def event_page(store: Store, query: EventQuery, limit: int, offset: int = 0,
               cache: Optional[QueryCache] = None) -> tuple[int, list[EventRow]]:
    """(total matching, one page of events newest first) for the query.

    The page is read first: a short page already tells the total (most narrow filters end on their
    first page), so only a full or empty page past the start costs a count, and that one is cached.
    One connection (one transaction) for all of it, so the total is that of the page's snapshot.
    """
    with store.engine.connect() as conn:
        return _event_page(conn, store, query, limit, offset, cache)


def _event_page(conn: Connection, store: Store, query: EventQuery, limit: int, offset: int,
                cache: Optional[QueryCache]) -> tuple[int, list[EventRow]]:
    stmt = _page((events.c.record, *ARTICLE_REF_COLUMNS), _where(conn, query), limit, offset)
    rows = conn.execute(stmt).all() if limit else []
    total = total_from_page(len(rows), limit, offset)
    if total is None:
        total = count_events(store, query, cache, conn=conn)
    return total, [EventRow(record, article_ref_json(*article)) for record, *article in rows]


def event_page_json(store: Store, query: EventQuery, limit: int, offset: int = 0,
                    cache: Optional[QueryCache] = None) -> bytes:
    """The EventPage JSON (total, limit, offset, items) of `event_page` as UTF-8 bytes ready to
    send, kept whole in the cache until the database changes: the pages every visitor opens first
    then cost a version check instead of their reads, a hundred items' JSON and its encoding."""
    def build(conn: Connection) -> bytes:
        total, rows = _event_page(conn, store, query, limit, offset, cache)
        items = ",".join(row.item_json() for row in rows)
        return f'{{"total":{total},"limit":{limit},"offset":{offset},"items":[{items}]}}'.encode()

    return _cached(cache, store, query, f"page:{limit}:{offset}", build)


def total_from_page(n_rows: int, limit: int, offset: int) -> Optional[int]:
    """The number of matching rows when a page of `limit` from `offset` shows it: a page that is not
    full is the last one (offset + its rows), unless it is empty past the start (the end is unknown)."""
    if limit and n_rows < limit and (n_rows or not offset):
        return offset + n_rows
    return None


def event_by_id(store: Store, event_id: str) -> Optional[EventRow]:
    """One event by its id (negated and hypothetical ones too), or None."""
    stmt = (select(events.c.record, *ARTICLE_REF_COLUMNS).select_from(events.join(articles))
            .where(events.c.event_id == event_id))
    with store.engine.connect() as conn:
        row = conn.execute(stmt).first()
    return EventRow(row[0], article_ref_json(*row[1:])) if row else None


GEO_COLUMNS = (events.c.event_id, events.c.event_type, events.c.quad, events.c.acled_event_type,
               events.c.acled_sub_event_type, events.c.day, events.c.fatalities, events.c.lat, events.c.lon)


LOCATED = [events.c.lat.is_not(None), events.c.lon.is_not(None)]


def geo_features(store: Store, query: EventQuery, limit: int, offset: int = 0, compact: bool = False,
                 cache: Optional[QueryCache] = None) -> tuple[int, list[dict]]:
    """(total located events matching, a page of them as GeoJSON Point features), read from the
    event columns, not the records; `compact` keeps the six properties a map of 100,000 events needs."""
    with store.engine.connect() as conn:
        return _geo_features(conn, store, query, limit, offset, compact, cache)


def _geo_features(conn: Connection, store: Store, query: EventQuery, limit: int, offset: int, compact: bool,
                  cache: Optional[QueryCache]) -> tuple[int, list[dict]]:
    columns = GEO_COLUMNS if compact else (*GEO_COLUMNS, events.c.country, events.c.admin1, events.c.location,
                                           events.c.confidence, articles.c.article_id, _evidence_text())
    stmt = _page(columns, _where(conn, query) + LOCATED, limit, offset)
    rows = conn.execute(stmt).all() if limit else []
    total = total_from_page(len(rows), limit, offset)
    if total is None:
        total = count_events(store, query, cache, located=True, conn=conn)
    return total, [_feature(row, compact) for row in rows]


def geojson_text(store: Store, query: EventQuery, limit: int, offset: int = 0, compact: bool = False,
                 cache: Optional[QueryCache] = None) -> str:
    """The FeatureCollection (with `total`, `limit`, `offset`) as JSON text; cached whole, since the
    map's first view is the same for everyone and its 10,000 features take long to serialise."""
    def build(conn: Connection) -> str:
        total, features = _geo_features(conn, store, query, limit, offset, compact, cache)
        body = {"type": "FeatureCollection", "total": total, "limit": limit, "offset": offset, "features": features}
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"))

    return _cached(cache, store, query, f"geojson:{limit}:{offset}:{compact}", build)


def _evidence_text():
    """The evidence sentence sliced from the article text (SQL substr counts characters, from 1)."""
    return func.substr(articles.c.text, events.c.evidence_start + 1,
                       events.c.evidence_end - events.c.evidence_start).label("evidence")


def _feature(row: Any, compact: bool) -> dict:
    properties = {"id": row.event_id, "event_type": row.event_type, "quad": row.quad,
                  "acled_event_type": row.acled_event_type, "date": _iso(row.day), "fatalities": row.fatalities}
    if not compact:
        properties.update({
            "acled_sub_event_type": row.acled_sub_event_type, "country": row.country, "admin1": row.admin1,
            "location": row.location, "confidence": row.confidence, "article_id": row.article_id,
            "evidence": row.evidence,
        })
    return {"type": "Feature", "id": row.event_id, "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
            "properties": properties}


def stored_event_page(store: Store, query: EventQuery, limit: int, offset: int = 0) -> Iterator:
    """A page of events, newest first, as `strife.export.StoredEvent` (what the export writers take)."""
    from strife.export import StoredArticle, StoredEvent
    from strife.model import Event

    columns = (events.c.pk, events.c.record, articles.c.pk.label("article_pk"), articles.c.sha256, articles.c.article_id,
               articles.c.title, articles.c.url, articles.c.publisher, articles.c.published, articles.c.ingested_at)
    with store.engine.connect() as conn:
        rows = conn.execute(_page(columns, _where(conn, query), limit, offset)).all() if limit else []
    for row in rows:
        article = StoredArticle(row.sha256, row.article_id, row.title, row.url, row.publisher, row.published,
                                row.ingested_at)
        yield StoredEvent(row.pk, Event.model_validate_json(row.record), article, row.article_pk)


def article_page(store: Store, limit: int, offset: int = 0) -> tuple[int, list[dict]]:
    """(total articles, a page of them newest publication first, each with its event count)."""
    stmt = (select(*ARTICLE_REF_COLUMNS, articles.c.n_events)
            .order_by(articles.c.published.desc().nulls_last(), articles.c.pk).limit(limit).offset(offset))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        rows = conn.execute(stmt).all() if limit else []
    return total, [{**article_ref(row), "n_events": row.n_events} for row in rows]


def article_detail(store: Store, key: str) -> Optional[dict]:
    """An article by its id or its sha256: its reference fields, its text and its whole coded result
    (`result` is the stored ArticleResult JSON, unparsed). The first stored wins if two share an id."""
    stmt = select(*ARTICLE_REF_COLUMNS, articles.c.text, articles.c.result)
    with store.engine.connect() as conn:
        row = conn.execute(stmt.where(articles.c.sha256 == key.lower())).first() if len(key) == 64 else None
        row = row or conn.execute(stmt.where(articles.c.article_id == key).order_by(articles.c.pk).limit(1)).first()
    if row is None:
        return None
    return {**article_ref(row), "text": row.text, "result": row.result}


def event_stats(store: Store, query: EventQuery, cache: Optional[QueryCache] = None) -> dict:
    """Counts per day, PLOVER type, quad, ACLED type and country, fatalities per day, and the date
    range, of the events matching the query; one grouped scan, summed here."""
    return _cached(cache, store, query, "stats", lambda conn: _event_stats(conn, query))


def _event_stats(conn: Connection, query: EventQuery) -> dict:
    day, kind, quad, acled, country = (events.c.day, events.c.event_type, events.c.quad, events.c.acled_event_type,
                                       events.c.country)
    stmt = (select(day, kind, quad, acled, country, func.count(), func.coalesce(func.sum(events.c.fatalities), 0))
            .group_by(day, kind, quad, acled, country))
    per_day: dict[Optional[dt.date], list[int]] = defaultdict(lambda: [0, 0])
    per: dict[str, Counter] = {name: Counter() for name in ("type", "quad", "acled", "country")}
    for row_day, row_kind, row_quad, row_acled, row_country, n, dead in conn.execute(stmt.where(*_where(conn, query, every_match=True))):
        per_day[row_day][0] += n
        per_day[row_day][1] += int(dead)
        for name, value in (("type", row_kind), ("quad", row_quad), ("acled", row_acled), ("country", row_country)):
            if value:
                per[name][value] += n
    days = sorted(d for d in per_day if d is not None)
    return {
        "events": sum(n for n, _ in per_day.values()), "fatalities": sum(dead for _, dead in per_day.values()),
        "per_day": [{"day": d.isoformat(), "events": per_day[d][0], "fatalities": per_day[d][1]} for d in days],
        "per_type": dict(per["type"].most_common()), "per_quad": dict(per["quad"].most_common()),
        "per_acled_type": dict(per["acled"].most_common()), "per_country": dict(per["country"].most_common()),
        "date_range": [_iso(days[0]), _iso(days[-1])] if days else [None, None],
    }


def store_counts(store: Store) -> tuple[int, int]:
    """(events, articles) stored: what /api/health reports."""
    with store.engine.connect() as conn:
        n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
        n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    return n_events, n_articles


class ActorIndex:
    """Actor id -> the (canonical, country, sector) codings it stands for, recomputed when events are added.

    An actor id is a hash (`strife.network.actor_id`), so finding its events means knowing which
    stored codings hash to it; this scans the distinct codings once per change of the database.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: Optional[tuple] = None
        self._codings: dict[str, tuple[tuple[str, Optional[str], Optional[str]], ...]] = {}

    def codings(self, store: Store, key: str) -> Optional[tuple[tuple[str, Optional[str], Optional[str]], ...]]:
        """The codings of actor id `key`; None when `key` is not an actor id (so it is a name)."""
        if not ACTOR_ID_PATTERN.match(key):
            return None
        with self._lock:
            version = data_version(store)
            if version != self._version:
                self._codings, self._version = _actor_codings(store), version
            return self._codings.get(key)


def _actor_codings(store: Store) -> dict[str, tuple[tuple[str, Optional[str], Optional[str]], ...]]:
    found: dict[str, list] = defaultdict(list)
    stmt = select(event_actors.c.canonical, event_actors.c.country, event_actors.c.sector).distinct()
    with store.engine.connect() as conn:
        for canonical, country, sector in conn.execute(stmt):
            if canonical:
                found[actor_id(canonical, country, sector)].append((canonical, country, sector))
    return {key: tuple(value) for key, value in found.items()}


DATA_VERSION = select(select(func.max(events.c.pk)).scalar_subquery(), select(func.max(articles.c.pk)).scalar_subquery())


def data_version(source: Store | Connection) -> tuple:
    """Changes whenever an article is stored (strife never deletes rows): the highest event and
    article keys, two lookups at the end of a primary key in one statement, on `source` (a
    connection, or the store's next one)."""
    if isinstance(source, Store):
        with source.engine.connect() as conn:
            return data_version(conn)
    return tuple(source.execute(DATA_VERSION).one())


def incident_page(store: Store, query: EventQuery, limit: int, offset: int = 0,
                  min_sources: int = 1) -> tuple[int, list]:
    """(total incidents matching, a page of them by date) as `strife.resolve.dedup.Incident`."""
    from dataclasses import replace

    found = store.incidents(replace(query, limit=offset + limit), min_sources=min_sources) if limit else []
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(incidents).where(
            *incident_filters(query, min_sources))).scalar_one()
    return total, found[offset:]


__all__ = [
    "ActorIndex",
    "EventRow",
    "QueryCache",
    "article_detail",
    "article_page",
    "count_events",
    "data_version",
    "event_by_id",
    "event_page",
    "event_page_json",
    "event_stats",
    "geo_features",
    "geojson_text",
    "incident_page",
    "store_counts",
    "stored_event_page",
    "total_from_page",
]
