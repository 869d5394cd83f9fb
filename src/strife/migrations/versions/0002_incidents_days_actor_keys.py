"""Incidents, indexable event days, actor keys, a bounding-box index.

- events.day / events.day_end: the day an event is filed under (its date, else its article's
  publication date) and the last day it covers, backfilled, so date ranges use an index;
- events.incident_id and the `incidents` table: cross-article clusters (`strife.resolve.dedup`);
- actor_keys / event_actor_keys: each distinct lower-cased actor name once, backfilled from
  event_actors, so "actor contains X" no longer scans every actor row;
- indexes for country + type + day, day, and latitude/longitude.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("day", sa.Date))
        batch.add_column(sa.Column("day_end", sa.Date))
        batch.add_column(sa.Column("incident_id", sa.String))
    op.drop_index("ix_events_country_type_date", table_name="events")
    op.drop_index("ix_events_date", table_name="events")
    op.create_table(
        "actor_keys",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
    )
    op.create_table(
        "event_actor_keys",
        sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
        sa.Column("key_pk", sa.Integer, sa.ForeignKey("actor_keys.pk", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "incidents",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("incident_id", sa.String, nullable=False, unique=True),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("day", sa.Date),
        sa.Column("day_end", sa.Date),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
    )
    conn = op.get_bind()
    _backfill_days(conn)
    _backfill_actor_keys(conn)
    op.create_index("ix_events_country_type_day", "events", ["country", "event_type", "day"])
    op.create_index("ix_events_day", "events", ["day"])
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon"])
    op.create_index("ix_events_incident", "events", ["incident_id"])
    op.create_index("ix_event_actor_keys_key", "event_actor_keys", ["key_pk", "event_pk"])
    op.create_index("ix_incidents_country_day", "incidents", ["country", "day"])
    conn.execute(sa.text("UPDATE strife_meta SET value = '2' WHERE key = 'schema_version'"))


def _backfill_days(conn) -> None:
    published = sa.text("(SELECT published FROM articles WHERE articles.pk = events.article_pk)")
    conn.execute(sa.text(f"UPDATE events SET day = COALESCE(date, {published})"))
    conn.execute(sa.text(
        "UPDATE events SET day_end = CASE WHEN date_end IS NOT NULL AND date_end > day THEN date_end ELSE day END"
    ))
    spans = [
        (end - start).days
        for start, end in conn.execute(sa.text("SELECT day, day_end FROM events WHERE day_end > day"))
    ]
    if spans:
        conn.execute(
            sa.text("INSERT INTO strife_meta (key, value) VALUES ('max_event_span_days', :v)"), {"v": str(max(spans))}
        )


def _backfill_actor_keys(conn) -> None:
    """In Python, so keys are case-folded exactly as new rows are (SQL lower() differs by backend)."""
    rows = conn.execute(sa.text("SELECT event_pk, name, canonical FROM event_actors ORDER BY event_pk, pk")).mappings()
    chunk: list = []
    for row in rows:
        if len(chunk) >= BATCH and row["event_pk"] != chunk[-1]["event_pk"]:  # never split one event's actors
            _link_actor_keys(conn, chunk)
            chunk = []
        chunk.append(dict(row))
    _link_actor_keys(conn, chunk)


def _link_actor_keys(conn, rows: list) -> None:
    from strife.store.writes import actor_row_keys, ensure_actor_keys

    wanted = {(row["event_pk"], key) for row in rows for key in actor_row_keys(row)}
    if not wanted:
        return
    key_pks = ensure_actor_keys(conn, {key for _, key in wanted})
    links = [{"event_pk": pk, "key_pk": key_pks[key]} for pk, key in sorted(wanted)]
    conn.execute(sa.text("INSERT INTO event_actor_keys (event_pk, key_pk) VALUES (:event_pk, :key_pk)"), links)


def downgrade() -> None:
    for name in ("ix_events_country_type_day", "ix_events_day", "ix_events_lat_lon", "ix_events_incident"):
        op.drop_index(name, table_name="events")
    op.drop_table("event_actor_keys")
    op.drop_table("actor_keys")
    op.drop_table("incidents")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("incident_id")
        batch.drop_column("day_end")
        batch.drop_column("day")
    op.create_index("ix_events_country_type_date", "events", ["country", "event_type", "date"])
    op.create_index("ix_events_date", "events", ["date"])
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE strife_meta SET value = '1' WHERE key = 'schema_version'"))
