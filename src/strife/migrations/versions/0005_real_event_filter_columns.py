"""The API's other filters in the real-event indexes.

- ix_events_real_day and ix_events_real_country_day get quad, acled_event_type and confidence after
  their 0004 columns (`strife.store.REAL_EVENT_FILTER_COLUMNS`), so a page or a count filtered on a
  quad, an ACLED type or a minimum confidence (with a country, a date range or neither) reads the
  index alone instead of each candidate event's row: a third of the SQL time of those requests on
  100,000 events (bench/api_load.py). Rows are unchanged; the indexes are rebuilt.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from strife.store.schema import REAL_EVENT_FILTER_COLUMNS

    _rebuild(REAL_EVENT_FILTER_COLUMNS)
    op.get_bind().execute(sa.text("UPDATE strife_meta SET value = '5' WHERE key = 'schema_version'"))


def downgrade() -> None:
    _rebuild(())
    op.get_bind().execute(sa.text("UPDATE strife_meta SET value = '4' WHERE key = 'schema_version'"))


def _rebuild(filtered: tuple[str, ...]) -> None:
    """Drop the real-event indexes and create them again ending with the `filtered` columns."""
    from strife.store.schema import REAL_EVENT_INDEXES, REAL_EVENTS, real_event_index_columns

    for name, leading in REAL_EVENT_INDEXES.items():
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", real_event_index_columns(leading, filtered),
                        sqlite_where=REAL_EVENTS, postgresql_where=REAL_EVENTS)
