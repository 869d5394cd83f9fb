"""Schema migrations (Alembic) of the strife database: the revisions in `versions/`.

`0001` is the schema of the first release; each later revision changes it without losing rows.
Use them through the library or the CLI:

    strife db upgrade --db postgresql://u@host/strife     # upgrade_database(url)
    strife db check --db strife.db                        # Store(url).check()

A database made before strife used Alembic (no `alembic_version` table) is taken to be at `0001`.
The code that runs them lives in the store (`strife.store.revisions`, `strife.store.integrity`),
which finds this folder by path: the revisions import the store's tables, never the reverse.
The names below are re-exported from there for scripts that import them from here.
"""

from __future__ import annotations

from strife.store.database import upgrade_database
from strife.store.integrity import integrity_problems
from strife.store.revisions import MIGRATIONS_DIR, alembic_config, current_revision, stamp, upgrade_to_head

__all__ = ["MIGRATIONS_DIR", "alembic_config", "current_revision", "integrity_problems", "stamp", "upgrade_database",
           "upgrade_to_head"]
