"""A grid cell per event, for bounding box + date queries.

- events.cell: the number of the half-degree square holding the event's coordinates
  (`strife.store.grid_cell`), backfilled in Python so old and new rows are numbered by the same code;
- index (cell, day), which serves "inside this box, between these dates" as one short index range
  per cell; it replaces the (lat, lon) index, which could only bound latitude and left every
  event of the band over all years to check.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 10_000


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("cell", sa.Integer))
    _backfill_cells(op.get_bind())
    op.drop_index("ix_events_lat_lon", table_name="events")
    op.create_index("ix_events_cell_day", "events", ["cell", "day"])
    op.get_bind().execute(sa.text("UPDATE strife_meta SET value = '3' WHERE key = 'schema_version'"))


def _backfill_cells(conn) -> None:
    """Number every located event, a batch of pks at a time (memory stays flat on large databases)."""
    from strife.store.schema import grid_cell

    last = 0
    while True:
        rows = conn.execute(sa.text(
            "SELECT pk, lat, lon FROM events WHERE pk > :last AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY pk LIMIT :n"
        ), {"last": last, "n": BATCH}).all()
        if not rows:
            return
        conn.execute(sa.text("UPDATE events SET cell = :cell WHERE pk = :pk"),
                     [{"pk": pk, "cell": grid_cell(lat, lon)} for pk, lat, lon in rows])
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_events_cell_day", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("cell")
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon"])
    op.get_bind().execute(sa.text("UPDATE strife_meta SET value = '2' WHERE key = 'schema_version'"))
