"""Reading events: `EventQuery`, the filters of `strife events` and the API, turned into SQL.

`event_filters` writes a query's WHERE conditions with bound parameters only; `query_filters` plans
them for one database (the longest date range stored bounds a date scan; an actor is matched in the
form that suits how many events it has, `plan_actor`). `Store.events`, `strife.api.reads` and
`strife.network` all read through these, so a filter means the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Connection, Table, and_, exists, false, func, or_, select

from strife.store.schema import (
    GRID_COLUMNS,
    MAX_BBOX_CELLS,
    MAX_SPAN_KEY,
    actor_keys,
    articles,
    event_actor_keys,
    event_actors,
    events,
    grid_cell,
    meta,
)

OLDEST_FIRST = (events.c.day.asc().nulls_first(), events.c.pk)  # the order of `Store.events`


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
    precisions: Optional[tuple[str, ...]] = None  # date precisions to keep ("day", "reported", ...): how sure the date is
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


def max_span_days(conn: Connection) -> int:
    value = conn.execute(select(meta.c.value).where(meta.c.key == MAX_SPAN_KEY)).scalar()
    return int(value) if value else 0


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
    filters = shared_filters(events, query)
    if query.since:
        # day_end >= since is the meaning; day >= since - longest span lets the day index bound the scan.
        filters.append(events.c.day >= _days_before(query.since, max_span_days))
    if query.bbox:
        filters.extend(bbox_filters(query.bbox))
    if query.actor:
        filters.append(actor_filter(query.actor, actor_plan))
    if not query.include_unreal:
        filters.extend([events.c.negated.is_(False), events.c.hypothetical.is_(False)])
    if query.precisions:
        filters.append(events.c.date_precision.in_([p.lower() for p in query.precisions]))
    return filters + _api_filters(query)


def shared_filters(table: Table, query: EventQuery) -> list:
    """The conditions of `query` on the columns events and incidents share, the same for both: country
    and type (upper-cased), a span ending on or after `since` and starting on or before `until`, and
    the incident id."""
    where = []
    if query.country:
        where.append(table.c.country == query.country.upper())
    if query.event_type:
        where.append(table.c.event_type == query.event_type.upper())
    if query.since:
        where.append(table.c.day_end >= query.since)
    if query.until:
        where.append(table.c.day <= query.until)
    if query.incident_id:
        where.append(table.c.incident_id == query.incident_id)
    return where


def _days_before(day: dt.date, days: int) -> dt.date:
    """`day` minus `days`, or the first day there is ("since 0001-01-03" with a stored span of a week)."""
    return day - dt.timedelta(days=days) if (day - dt.date.min).days >= days else dt.date.min


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

