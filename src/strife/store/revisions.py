"""Alembic plumbing: which revision a database is at, and running the revisions in `strife.migrations`.

The revisions themselves live in `strife/migrations/versions/` and import the table definitions
from `strife.store.schema`; this module finds them by path, so the store never imports
`strife.migrations` (the dependency runs one way: migrations on the store).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from strife.store.schema import FIRST_REVISION

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(conn: Connection) -> Config:
    """An Alembic configuration that runs on an open connection (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    return config


def current_revision(conn: Connection) -> Optional[str]:
    """The database's revision; `0001` for a strife database older than the migrations."""
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision is None and inspect(conn).has_table("articles"):
        return FIRST_REVISION
    return revision


def stamp(conn: Connection, revision: str) -> None:
    command.stamp(alembic_config(conn), revision)


def upgrade_to_head(conn: Connection) -> None:
    """Migrate to the latest revision inside the caller's transaction."""
    if MigrationContext.configure(conn).get_current_revision() is None:
        stamp(conn, FIRST_REVISION)
    command.upgrade(alembic_config(conn), "head")
