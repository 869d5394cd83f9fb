"""Schema migrations (Alembic) and integrity checks for the strife database.

Revisions live in `versions/`; `0001` is the schema of the first release, each later one changes it
without losing rows. Use them through the library or the CLI:

    strife db upgrade --db postgresql://u@host/strife     # upgrade_database(url)
    strife db check --db strife.db                        # Store(url).check()

A database made before strife used Alembic (no `alembic_version` table) is taken to be at `0001`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, func, inspect, select
from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent
MAX_LISTED = 5  # examples named per kind of problem


def alembic_config(conn: Connection) -> Config:
    """An Alembic configuration that runs on an open connection (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    return config


def current_revision(conn: Connection) -> Optional[str]:
    """The database's revision; `0001` for a strife database older than the migrations."""
    from strife.store import FIRST_REVISION

    revision = MigrationContext.configure(conn).get_current_revision()
    if revision is None and inspect(conn).has_table("articles"):
        return FIRST_REVISION
    return revision


def stamp(conn: Connection, revision: str) -> None:
    command.stamp(alembic_config(conn), revision)


def upgrade_to_head(conn: Connection) -> None:
    """Migrate to the latest revision inside the caller's transaction."""
    from strife.store import FIRST_REVISION

    if MigrationContext.configure(conn).get_current_revision() is None:
        stamp(conn, FIRST_REVISION)
    command.upgrade(alembic_config(conn), "head")


def upgrade_database(db: Optional[str] = None) -> tuple[Optional[str], str]:
    """Bring a database (path or URL) to the latest schema; returns (revision before, revision now)."""
    from strife.store import HEAD_REVISION, Store

    with Store(db, upgrade=True) as store:
        return store.revision_before, HEAD_REVISION


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
    from strife.store import HEAD_REVISION

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
    from strife.store import articles, event_actors, events

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
    from strife.store import articles, events

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
    from strife.store import articles, events

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


__all__ = ["alembic_config", "current_revision", "integrity_problems", "stamp", "upgrade_database", "upgrade_to_head"]
