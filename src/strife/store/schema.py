"""The tables of a strife database, their indexes, and the numbering of the spatial grid.

Only definitions: no function here opens a connection. `strife.store.database` creates a new
database from `metadata`; the Alembic revisions (`strife.migrations`) bring an older one to the same
schema and import what they share from here (the real-event index columns, the grid), so that old
and new rows are shaped by the same code. `tests/schema.py` checks that both agree.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Iterator, Optional, Sequence, TypeVar

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import CreateIndex

HEAD_REVISION = "0006"
FIRST_REVISION = "0001"
metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("article_id", String, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("publisher", Text),
    Column("published", Date),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("result", Text, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("ingested_at", String, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("event_id", String, nullable=False, unique=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("event_type", String(16), nullable=False),
    Column("mode", String),
    Column("quad", String),
    Column("cameo_root", String(2)),
    Column("acled_event_type", String),
    Column("acled_sub_event_type", String),
    Column("date", Date),
    Column("date_end", Date),
    Column("date_precision", String(8)),
    Column("country", String(3)),
    Column("admin1", String),
    Column("location", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("fatalities", Integer),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("record", Text, nullable=False),
    # revision 0002: the day the event is filed under (its date, else the article's publication
    # date) and the last day it covers, so date-range filters can use an index; its incident.
    Column("day", Date),
    Column("day_end", Date),
    Column("incident_id", String),
    # revision 0003: the grid cell of (lat, lon) (`grid_cell`), so a bounding box + dates is an
    # index range per cell instead of a scan of every event in the latitude band or date range.
    Column("cell", Integer),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
    Column("role", String(6), nullable=False),
    Column("name", Text, nullable=False),
    Column("canonical", Text),
    Column("country", String(3)),
    Column("sector", String(8)),
)

# revision 0002: every distinct lower-cased actor name or canonical name once, so "actor contains
# X" scans thousands of names instead of millions of rows, then follows an index to the events.
actor_keys = Table(
    "actor_keys",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
)

event_actor_keys = Table(
    "event_actor_keys",
    metadata,
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("key_pk", Integer, ForeignKey("actor_keys.pk", ondelete="CASCADE"), primary_key=True),
)

# revision 0002: incidents, clusters of events from different articles (`strife.resolve.dedup`).
incidents = Table(
    "incidents",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("incident_id", String, nullable=False, unique=True),
    Column("event_type", String(16), nullable=False),
    Column("country", String(3)),
    Column("day", Date),
    Column("day_end", Date),
    Column("lat", Float),
    Column("lon", Float),
    Column("n_sources", Integer, nullable=False),
    Column("updated_at", String, nullable=False),
)

# revision 0006: `strife watch`'s bookkeeping (strife.intake): feed entries already seen, so a
# watcher restarted next week codes only new ones, and inputs skipped (language, size), with why.
seen_entries = Table(
    "feed_entries_seen",
    metadata,
    Column("feed", Text, primary_key=True),
    Column("entry_id", Text, primary_key=True),
    Column("status", String(16), nullable=False),  # stored, known, skipped, rejected
    Column("sha256", String(64)),
    Column("seen_at", String, nullable=False),
)

skipped_inputs = Table(
    "skipped_inputs",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("reason", String(32), nullable=False),
    Column("language", String(8)),
    Column("sha256", String(64)),
    Column("message", Text, nullable=False),
    Column("skipped_at", String, nullable=False),
)

meta = Table("strife_meta", metadata, Column("key", String, primary_key=True), Column("value", Text))

Index("ix_events_country_type_day", events.c.country, events.c.event_type, events.c.day)
Index("ix_events_day", events.c.day)
Index("ix_events_cell_day", events.c.cell, events.c.day)
Index("ix_events_article", events.c.article_pk)
Index("ix_events_incident", events.c.incident_id)
Index("ix_event_actors_canonical", event_actors.c.canonical)
Index("ix_event_actors_event", event_actors.c.event_pk)
Index("ix_event_actor_keys_key", event_actor_keys.c.key_pk, event_actor_keys.c.event_pk)
Index("ix_articles_published", articles.c.published)
Index("ix_incidents_country_day", incidents.c.country, incidents.c.day)

# revision 0004: indexes of the real events only (neither negated nor hypothetical: what every query
# reads unless told otherwise), in the order pages are served: newest day first, undated last, then
# event id (`strife.api`). A first page is the first rows of one index range, and a count by country
# and dates never reads the table: the columns the filters test (day_end, and the two flags, which
# SQLite wants in the index to call it covering) follow.
REAL_EVENTS = and_(events.c.negated.is_(False), events.c.hypothetical.is_(False))
# Revision 0005 adds the columns of the API's other filters (quad, ACLED type, confidence) at the end,
# so a page or a count filtered on them reads the index alone, not each candidate's table row.
REAL_EVENT_INDEXES = {  # name: the columns before the day
    "ix_events_real_day": (),
    "ix_events_real_country_day": ("country",),
}
REAL_EVENT_FILTER_COLUMNS = ("quad", "acled_event_type", "confidence")


def real_event_index_columns(leading: Sequence[str], filtered: Sequence[str] = REAL_EVENT_FILTER_COLUMNS) -> list:
    """The columns of a real-event index after `leading` ones, ending with the `filtered` ones (also
    what migration 0005 creates; 0004 created them without `filtered`)."""
    return [*(events.c[name] for name in leading), events.c.day.desc().nulls_last(),
            events.c.event_id, events.c.day_end, events.c.negated, events.c.hypothetical,
            *(events.c[name] for name in filtered)]


for _name, _leading in REAL_EVENT_INDEXES.items():
    Index(_name, *real_event_index_columns(_leading), sqlite_where=REAL_EVENTS, postgresql_where=REAL_EVENTS)
del _name, _leading


@compiles(CreateIndex, "sqlite")
def _create_index_on_sqlite(element: CreateIndex, compiler, **kw) -> str:
    """SQLite refuses NULLS FIRST/LAST in an index but already sorts NULLs last in a descending one
    (and first in an ascending one), so the words are dropped there, and only there."""
    ddl = compiler.visit_create_index(element, **kw)
    return ddl.replace(" DESC NULLS LAST", " DESC").replace(" ASC NULLS FIRST", " ASC")


# The spatial index: the globe cut into GRID_DEGREES squares numbered row by row from (-90, -180).
# Half a degree (about 55 km) keeps a city-sized box to a few cells and a country-sized one to a
# few hundred; a box of more than MAX_BBOX_CELLS cells filters on latitude/longitude alone.
GRID_DEGREES = 0.5
GRID_COLUMNS = round(360 / GRID_DEGREES)
GRID_ROWS = round(180 / GRID_DEGREES)
MAX_BBOX_CELLS = 2000
MAX_SPAN_KEY = "max_event_span_days"  # strife_meta: the longest date range stored, bounds range scans


def grid_cell(lat: Optional[float], lon: Optional[float]) -> Optional[int]:
    """The number of the GRID_DEGREES square holding a point (None without coordinates).

    Rows and columns are clamped to the grid, so the numbering is monotonic in latitude and
    longitude: every point inside a box lies in one of `bbox_cells(box)`.
    """
    if lat is None or lon is None:
        return None
    row = min(max(math.floor((lat + 90.0) / GRID_DEGREES), 0), GRID_ROWS - 1)
    column = min(max(math.floor((lon + 180.0) / GRID_DEGREES), 0), GRID_COLUMNS - 1)
    return row * GRID_COLUMNS + column


def utc_now() -> str:
    """Now in UTC to the second, as every `*_at` column keeps it (ISO 8601 text sorts by time)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


_T = TypeVar("_T")
# Values bound in one "IN (...)" look-up: under SQLite's oldest limit of 999 bound parameters per statement.
IN_BATCH = 500


def in_batches(values: Sequence[_T]) -> Iterator[Sequence[_T]]:
    """`values` in runs of `IN_BATCH`, each for one "IN (...)" look-up."""
    for start in range(0, len(values), IN_BATCH):
        yield values[start:start + IN_BATCH]
