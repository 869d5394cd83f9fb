"""Keep coded articles in a database a team can share: a SQLite file by default, PostgreSQL by URL.

    store = Store("strife.db")                             # or "postgresql://user@host/db"
    store.add(result, text)                                # one article, one transaction
    store.events(EventQuery(country="SYR", since=...))     # the common filters, served by indexes

An article is identified by the SHA-256 of its normalised text, so storing the same article twice
writes nothing, even when two processes race to store it (the unique key decides, the loser reports
"already stored"). Each article is written with all its records in one transaction: a crash leaves
either the whole article or none of it. The full `ArticleResult` is kept as JSON beside indexed
columns for the common filters, so what `strife events --format json` prints is exactly what
`strife extract` printed.

The schema is versioned with Alembic (`strife.migrations`): a new database is created at the
latest revision; an older one is refused with a hint until `strife db upgrade` brings it up to date.

The package, module by module (what other code uses is importable from `strife.store` itself):

- `schema`: the tables, their indexes, the spatial grid (definitions only, no connection);
- `database`: `Store`, the URL and engine of a database, creating and checking its schema;
- `writes`: storing coded articles whole (`Store.add`, `add_many`, `BatchWriter`);
- `queries`: `EventQuery` and the SQL filters every reader shares;
- `dedup`: placing events into incidents (with `strife.resolve.dedup`'s clustering) and reading them;
- `revisions`, `integrity`: running the Alembic revisions, and `strife db check`.

To code and store articles in one call, incidents included, see `strife.intake.code_and_store`.
"""

from strife.store.database import (
    DEFAULT_DB,
    SchemaError,
    Store,
    database_url,
    describe_error,
    display_url,
    make_engine,
    prepare_schema,
    upgrade_database,
)
from strife.store.queries import (
    OLDEST_FIRST,
    ActorPlan,
    EventQuery,
    actor_filter,
    bbox_cells,
    bbox_filters,
    event_filters,
    max_span_days,
    plan_actor,
    query_filters,
)
from strife.store.schema import (
    FIRST_REVISION,
    GRID_COLUMNS,
    GRID_DEGREES,
    GRID_ROWS,
    HEAD_REVISION,
    MAX_BBOX_CELLS,
    REAL_EVENT_FILTER_COLUMNS,
    REAL_EVENT_INDEXES,
    REAL_EVENTS,
    actor_keys,
    articles,
    event_actor_keys,
    event_actors,
    events,
    grid_cell,
    incidents,
    meta,
    metadata,
    real_event_index_columns,
    seen_entries,
    skipped_inputs,
    utc_now,
)
from strife.store.writes import BatchWriter, StoreOutcome, actor_row_keys, ensure_actor_keys, event_days

__all__ = [
    "BatchWriter", "DEFAULT_DB", "EventQuery", "SchemaError", "Store", "StoreOutcome", "database_url", "describe_error",
    "display_url", "make_engine", "prepare_schema", "upgrade_database",
    "OLDEST_FIRST", "ActorPlan", "actor_filter", "bbox_cells", "bbox_filters", "event_filters", "max_span_days",
    "plan_actor", "query_filters",
    "FIRST_REVISION", "GRID_COLUMNS", "GRID_DEGREES", "GRID_ROWS", "HEAD_REVISION", "MAX_BBOX_CELLS",
    "REAL_EVENT_FILTER_COLUMNS", "REAL_EVENT_INDEXES", "REAL_EVENTS", "actor_keys", "articles", "event_actor_keys",
    "event_actors", "events", "grid_cell", "incidents", "meta", "metadata", "real_event_index_columns",
    "seen_entries", "skipped_inputs", "utc_now",
    "actor_row_keys", "ensure_actor_keys", "event_days",
]
