"""`strife db check`: everything wrong with a strife database, one sentence per kind of problem.

SQLite's own integrity and foreign-key checks, then what strife promises on top: no event without
its article, every article with all its events, every evidence span inside its article's text.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, func, select
from sqlalchemy.engine import Engine

from strife.store.revisions import current_revision
from strife.store.schema import HEAD_REVISION, articles, event_actors, events

MAX_LISTED = 5  # examples named per kind of problem


def integrity_problems(engine: Engine) -> list[str]:
    """Everything wrong with a strife database, one sentence per kind of problem."""
    problems: list[str] = []
    with engine.connect() as conn:
        problems += _revision_problems(conn)
        if engine.dialect.name == "sqlite":
            problems += _sqlite_problems(conn)
        problems += _orphan_problems(conn)
        problems += _partial_article_problems(conn)
        problems += _evidence_problems(conn)
    return problems


def _revision_problems(conn: Connection) -> list[str]:
    revision = current_revision(conn)
    if revision != HEAD_REVISION:
        return [f"schema revision is {revision}, not {HEAD_REVISION}: run `strife db upgrade`"]
    return []


def _sqlite_problems(conn: Connection) -> list[str]:
    problems = []
    verdict = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
    if verdict != ["ok"]:
        problems.append(f"SQLite integrity_check failed: {'; '.join(verdict[:MAX_LISTED])}")
    broken = list(conn.exec_driver_sql("PRAGMA foreign_key_check"))
    if broken:
        tables = sorted({row[0] for row in broken})
        problems.append(f"{len(broken)} rows break a foreign key (tables: {', '.join(tables)})")
    return problems


def _listed(found: list) -> str:
    shown = ", ".join(str(item) for item in found[:MAX_LISTED])
    return shown + (", ..." if len(found) > MAX_LISTED else "")


def _orphan_problems(conn: Connection) -> list[str]:
    problems = []
    orphans = conn.execute(
        select(events.c.event_id).where(~select(articles.c.pk).where(articles.c.pk == events.c.article_pk).exists())
    ).scalars().all()
    if orphans:
        problems.append(f"{len(orphans)} events point to a missing article: {_listed(orphans)}")
    lost = conn.execute(
        select(event_actors.c.pk).where(~select(events.c.pk).where(events.c.pk == event_actors.c.event_pk).exists())
    ).scalars().all()
    if lost:
        problems.append(f"{len(lost)} event actors point to a missing event (rows {_listed(lost)})")
    return problems


def _partial_article_problems(conn: Connection) -> list[str]:
    stored = select(events.c.article_pk, func.count().label("n")).group_by(events.c.article_pk).subquery()
    rows = conn.execute(
        select(articles.c.article_id, articles.c.n_events, func.coalesce(stored.c.n, 0))
        .select_from(articles.outerjoin(stored, stored.c.article_pk == articles.c.pk))
        .where(articles.c.n_events != func.coalesce(stored.c.n, 0))
    ).all()
    if not rows:
        return []
    examples = [f"{aid} ({have} of {want})" for aid, want, have in rows]
    return [f"{len(rows)} articles are missing events: {_listed(examples)}"]


def _evidence_problems(conn: Connection) -> list[str]:
    """Offsets outside the text (in SQL), then evidence text that is not text[start:end] (in Python)."""
    length = func.length(articles.c.text)
    outside = conn.execute(
        select(events.c.event_id).select_from(events.join(articles))
        .where((events.c.evidence_start < 0) | (events.c.evidence_end < events.c.evidence_start) | (events.c.evidence_end > length))
    ).scalars().all()
    problems = [f"{len(outside)} events have evidence offsets outside their article: {_listed(outside)}"] if outside else []
    mismatched = []
    stmt = select(events.c.event_id, events.c.evidence_start, events.c.evidence_end, events.c.record, articles.c.text)
    for event_id, start, end, record, body in conn.execution_options(yield_per=500).execute(stmt.select_from(events.join(articles))):
        if json.loads(record)["evidence"]["text"] != body[start:end]:
            mismatched.append(event_id)
    if mismatched:
        problems.append(f"{len(mismatched)} events have evidence text that differs from the article at its offsets: {_listed(mismatched)}")
    return problems
