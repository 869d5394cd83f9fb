"""Intake's bookkeeping tables owned by the migrations.

- feed_entries_seen: the feed entries `strife watch` has already handled (`strife.store.seen_entries`);
- skipped_inputs: inputs skipped instead of coded, e.g. another language (`strife.store.skipped_inputs`).

Until this revision `strife.intake` created both itself the first time it needed them, so a
database may already have either of them, with exactly these columns: such a table is kept as it
is, with its rows, and only a missing one is created.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _seen_entries_columns() -> list[sa.Column]:
    """feed_entries_seen as this revision defines it (a copy, so a later change in the store leaves it be)."""
    return [
        sa.Column("feed", sa.Text, primary_key=True),
        sa.Column("entry_id", sa.Text, primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("seen_at", sa.String, nullable=False),
    ]


def _skipped_inputs_columns() -> list[sa.Column]:
    """skipped_inputs as this revision defines it."""
    return [
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("sha256", sa.String(64)),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("skipped_at", sa.String, nullable=False),
    ]


TABLES = {"feed_entries_seen": _seen_entries_columns, "skipped_inputs": _skipped_inputs_columns}


def upgrade() -> None:
    conn = op.get_bind()
    for name, columns in TABLES.items():
        if not sa.inspect(conn).has_table(name):  # else created the old way by strife.intake: kept, rows and all
            op.create_table(name, *columns())
    conn.execute(sa.text("UPDATE strife_meta SET value = '6' WHERE key = 'schema_version'"))


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)
    op.get_bind().execute(sa.text("UPDATE strife_meta SET value = '5' WHERE key = 'schema_version'"))
