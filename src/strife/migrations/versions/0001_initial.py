"""The first strife schema: articles, events, event actors, meta.

A frozen copy (never edit it to follow `strife.store`): databases made by the first release are at
this revision, and later revisions start from exactly these tables.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("article_id", sa.String, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("origin", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.String, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.String, nullable=False, unique=True),
        sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String),
        sa.Column("quad", sa.String),
        sa.Column("cameo_root", sa.String(2)),
        sa.Column("acled_event_type", sa.String),
        sa.Column("acled_sub_event_type", sa.String),
        sa.Column("date", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("country", sa.String(3)),
        sa.Column("admin1", sa.String),
        sa.Column("location", sa.String),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("fatalities", sa.Integer),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("hypothetical", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "event_actors",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.String(6), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("canonical", sa.Text),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(8)),
    )
    op.create_table("strife_meta", sa.Column("key", sa.String, primary_key=True), sa.Column("value", sa.Text))
    op.create_index("ix_events_country_type_date", "events", ["country", "event_type", "date"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_article", "events", ["article_pk"])
    op.create_index("ix_event_actors_canonical", "event_actors", ["canonical"])
    op.create_index("ix_event_actors_event", "event_actors", ["event_pk"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.bulk_insert(sa.table("strife_meta", sa.column("key"), sa.column("value")), [{"key": "schema_version", "value": "1"}])


def downgrade() -> None:
    for table in ("event_actors", "events", "articles", "strife_meta"):
        op.drop_table(table)
