"""Alembic plumbing: which revision a database is at, and running the revisions in `strife.migrations`.

The revisions themselves live in `strife/migrations/versions/` and import the table definitions
from `strife.store.schema`; this module finds them by path, so the store never imports
`strife.migrations` (the dependency runs one way: migrations on the store).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from sqlalchemy import Connection, inspect, text

from strife.store.schema import FIRST_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

VERSION_TABLE = "alembic_version"  # where Alembic records a database's revision

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(conn: Connection) -> Config:
    """An Alembic configuration that runs on an open connection (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    return config


def current_revision(conn: Connection) -> Optional[str]:
    """The database's revision; `0001` for a strife database older than the migrations.

    Read from Alembic's version table directly: every command that opens a store asks, and
    importing Alembic to ask took a fifth of a second of their start; Alembic loads to upgrade.
    """
    revision = _recorded_revision(conn)
    if revision is None and inspect(conn).has_table("articles"):
        return FIRST_REVISION
    return revision


def _recorded_revision(conn: Connection) -> Optional[str]:
    """The one revision in Alembic's version table, None without one (a history with several heads,
    which strife's never has, is left to Alembic, which refuses it)."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    recorded = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(recorded) > 1:
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(conn).get_current_revision()
    return recorded[0] if recorded else None


def stamp(conn: Connection, revision: str) -> None:
    from alembic import command

    command.stamp(alembic_config(conn), revision)


def upgrade_to_head(conn: Connection) -> None:
    """Migrate to the latest revision inside the caller's transaction."""
    from alembic import command

    if _recorded_revision(conn) is None:
        stamp(conn, FIRST_REVISION)
    command.upgrade(alembic_config(conn), "head")
