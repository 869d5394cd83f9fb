"""Indexes of the real events, in page order, for the default queries of the API and `strife events`.

- ix_events_real_day (day newest first, event id) and ix_events_real_country_day (country, then the
  same), both partial: only events neither negated nor hypothetical, which every query reads unless
  told otherwise. A first page newest first is the start of one index range, a count never reads
  the table, and a broad actor's page is read in day order, each event checked (`strife.store.
  actor_filter`). The columns come from `strife.store.real_event_index_columns` (without the
  filter columns that 0005 appends), so a database upgraded here and one created new have the same indexes.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from strife.store.schema import REAL_EVENT_INDEXES, REAL_EVENTS, real_event_index_columns

    for name, leading in REAL_EVENT_INDEXES.items():
        op.create_index(name, "events", real_event_index_columns(leading, filtered=()),
                        sqlite_where=REAL_EVENTS, postgresql_where=REAL_EVENTS)
    op.get_bind().execute(sa.text("UPDATE strife_meta SET value = '4' WHERE key = 'schema_version'"))


def downgrade() -> None:
    from strife.store.schema import REAL_EVENT_INDEXES

    for name in REAL_EVENT_INDEXES:
        op.drop_index(name, table_name="events")
    op.get_bind().execute(sa.text("UPDATE strife_meta SET value = '3' WHERE key = 'schema_version'"))
