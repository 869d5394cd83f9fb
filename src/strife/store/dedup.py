"""Incidents in the database: placing stored events into incidents, and reading incidents back.

The clustering itself is `strife.resolve.dedup` (pure: reports in, incident ids out); this module
reads the reports it weighs from the events tables, keeps the `incidents` table in step, and turns
its rows into `Incident`s. `update_incidents` runs after every batch that `strife.intake.code_and_store`
writes and in `strife db incidents`; reading incidents never places events.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math

from typing import Iterable

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from strife.resolve.dedup import (
    DedupOptions,
    Incident,
    IncidentSource,
    Report,
    best_incident,
    build_incident,
    compatible_types,
    incident_id_for,
    incident_source,
    type_groups,
)
from strife.store.queries import shared_filters
from strife.store.schema import articles, event_actors, events, in_batches, incidents, utc_now

# Real events (neither negated nor hypothetical) not yet in an incident: what `update_incidents` places.
UNPLACED = and_(events.c.incident_id.is_(None), events.c.negated.is_(False), events.c.hypothetical.is_(False))


def count_unplaced(conn: Connection) -> int:
    """How many events `update_incidents` would place (none, when every store updated incidents)."""
    return conn.execute(select(func.count()).select_from(events).where(UNPLACED)).scalar_one()


def _reports(conn: Connection, where) -> list[Report]:
    rows = conn.execute(
        select(events.c.pk, events.c.event_id, articles.c.sha256, events.c.event_type, events.c.day, events.c.day_end,
               events.c.country, events.c.lat, events.c.lon, events.c.location, events.c.record)
        .select_from(events.join(articles)).where(where).order_by(events.c.article_pk, events.c.pk)
    ).all()
    if not rows:
        return []
    names: dict[int, set[str]] = {}
    pks = [row.pk for row in rows]
    for batch in in_batches(pks):
        found = conn.execute(select(event_actors.c.event_pk, event_actors.c.canonical, event_actors.c.name)
                             .where(event_actors.c.event_pk.in_(batch)))
        for event_pk, canonical, name in found:
            names.setdefault(event_pk, set()).add((canonical or name).casefold())
    return [
        Report(event_id=row.event_id, article=row.sha256, event_type=row.event_type, day=row.day, day_end=row.day_end,
               country=row.country, lat=row.lat, lon=row.lon, location=row.location,
               actors=frozenset(names.get(row.pk, ())), evidence=json.loads(row.record)["evidence"]["text"])
        for row in rows
    ]


def _candidates(conn: Connection, report: Report, options: DedupOptions) -> dict[str, list[Report]]:
    """Members of incidents that could take the report: compatible type, dates in the window, near."""
    if report.day is None:
        return {}
    types = [t for t in {report.event_type, *type_groups()} if compatible_types(report.event_type, t)]
    window = dt.timedelta(days=options.window_days)
    where = [
        events.c.incident_id.is_not(None), events.c.event_type.in_(types),
        events.c.day_end >= report.day - window, events.c.day <= report.last_day + window,
    ]
    if report.lat is not None and report.lon is not None:
        dlat = options.radius_km / 111.0
        dlon = dlat / max(0.05, math.cos(math.radians(report.lat)))
        near = and_(events.c.lat.between(report.lat - dlat, report.lat + dlat), events.c.lon.between(report.lon - dlon, report.lon + dlon))
        where.append(or_(near, events.c.country == report.country) if report.country else near)
    elif report.country:
        where.append(events.c.country == report.country)
    else:
        return {}
    found = _reports(conn, and_(*where))
    incident_of = dict(conn.execute(select(events.c.event_id, events.c.incident_id).where(events.c.event_id.in_([r.event_id for r in found]))).all()) if found else {}
    members: dict[str, list[Report]] = {}
    for member in found:
        members.setdefault(incident_of[member.event_id], []).append(member)
    return members


def update_incidents(conn: Connection, window_days: int = DedupOptions.window_days, radius_km: float = DedupOptions.radius_km,
                     threshold: float = DedupOptions.threshold) -> int:
    """Place every real (not negated, not hypothetical) event without an incident; returns how many.

    Run inside the caller's write transaction; on PostgreSQL a lock makes concurrent runs take turns.
    """
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(815202)")
    options = DedupOptions(window_days, radius_km, threshold)
    pending = _reports(conn, UNPLACED)
    for report in pending:
        joined = best_incident(report, _candidates(conn, report, options), options)
        incident = joined or _free_incident_id(conn, incident_id_for(report))
        if joined is None:
            _found_incident(conn, report, incident)
        conn.execute(update(events).where(events.c.event_id == report.event_id).values(incident_id=incident))
        if joined is not None:
            _refresh_incident(conn, incident)
    return len(pending)


def _free_incident_id(conn: Connection, wanted: str) -> str:
    """`wanted`, or `wanted~2`, `~3`... when taken: an event coded again (`--recode`) keeps its id,
    and the incident it founded may still be held by the other sources it had gathered."""
    taken = set(conn.execute(select(incidents.c.incident_id).where(
        or_(incidents.c.incident_id == wanted, incidents.c.incident_id.like(f"{wanted}~%")))).scalars())
    return next(candidate for n in itertools.count(1)
                if (candidate := wanted if n == 1 else f"{wanted}~{n}") not in taken)


def _found_incident(conn: Connection, report: Report, incident: str) -> None:
    conn.execute(insert(incidents).values(
        incident_id=incident, event_type=report.event_type, country=report.country, day=report.day,
        day_end=report.last_day, lat=report.lat, lon=report.lon, n_sources=1, updated_at=utc_now(),
    ))


def _refresh_incident(conn: Connection, incident: str) -> None:
    n, first, last = conn.execute(
        select(func.count(), func.min(events.c.day), func.max(events.c.day_end)).where(events.c.incident_id == incident)
    ).one()
    conn.execute(update(incidents).where(incidents.c.incident_id == incident).values(n_sources=n, day=first, day_end=last, updated_at=utc_now()))


def release_incidents(conn: Connection, incident_ids: Iterable[str]) -> None:
    """Incidents that lost events (their article was coded again): refreshed from the events left,
    deleted when none is left, so no incident counts a source that is gone."""
    for incident in sorted(set(incident_ids)):
        left = conn.execute(select(func.count()).where(events.c.incident_id == incident)).scalar_one()
        if left:
            _refresh_incident(conn, incident)
        else:
            conn.execute(delete(incidents).where(incidents.c.incident_id == incident))


def incident_filters(query, min_sources: int = 1) -> list:
    """The conditions an `EventQuery` (country, type, dates, bounding box, id) puts on incidents:
    shared by `load_incidents` and the API's count, so a page and its total always agree."""
    where = [incidents.c.n_sources >= min_sources, *shared_filters(incidents, query)]
    if query.bbox:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        where += [incidents.c.lat.between(min_lat, max_lat), incidents.c.lon.between(min_lon, max_lon)]
    return where


def load_incidents(conn: Connection, query, min_sources: int = 1) -> list[Incident]:
    """Incidents matching an `EventQuery` (country, type, dates, bounding box), by date."""
    stmt = select(incidents).where(*incident_filters(query, min_sources)).order_by(incidents.c.day.asc().nulls_first(), incidents.c.pk)
    if query.limit:
        stmt = stmt.limit(query.limit)
    rows = [dict(row._mapping) for row in conn.execute(stmt)]
    sources: dict[str, list[IncidentSource]] = {row["incident_id"]: [] for row in rows}
    ids = list(sources)
    for batch in in_batches(ids):
        found = conn.execute(
            select(events.c.incident_id, events.c.record, articles.c.article_id, articles.c.publisher,
                   articles.c.published, articles.c.title)
            .select_from(events.join(articles)).where(events.c.incident_id.in_(batch))
            .order_by(articles.c.published.asc().nulls_last(), events.c.pk)
        )
        for incident, record, article_id, publisher, published, title in found:
            sources[incident].append(incident_source(record, article_id, publisher, published, title))
    return [build_incident(row, sources[row["incident_id"]]) for row in rows]
