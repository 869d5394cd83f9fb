"""Turn records into the shapes users take away: JSON, JSON Lines, flat CSV rows, terminal tables,
and the exports for other tools (ACLED CSV, GDELT/CAMEO TSV, PLOVER JSON, GeoJSON, Parquet).

Every writer streams the records it is given one at a time; none needs the whole database in memory.
One module per concern; this package's names are the public ones (the CLI, the API and the tests
import them from ``strife.export``):

* `files`: writing a file whole or not at all (`atomic_output`);
* `rows`: the cells every format builds from an event (actor names, tolls, `event_row`);
* `plain`: JSON, JSON arrays, flat CSV rows, terminal tables (`strife extract`, `strife events`);
* `stored`: events read from the store with their articles (`stored_events`);
* `acled`, `gdelt`, `plover` (with GeoJSON), `parquet`: one module per export format.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Optional

from strife.export.acled import (
    ACLED_COLUMNS,
    acled_actor_name,
    acled_inter,
    acled_inter_codes,
    acled_inter_table,
    acled_notes,
    acled_row,
    acled_time_precision,
    write_acled_csv,
)
from strife.export.files import atomic_output
from strife.export.gdelt import (
    GDELT_COLUMNS,
    gdelt_geo_type,
    gdelt_row,
    write_cameo_tsv,
)
from strife.export.parquet import (
    PARQUET_KINDS,
    parquet_event_row,
    parquet_schemas,
    write_parquet,
)
from strife.export.plain import (
    TABLE_HEADER,
    table_rows,
    to_json,
    write_events_csv,
    write_json_array,
)
from strife.export.plover import (
    geojson_feature,
    plover_record,
    write_geojson,
    write_plover_jsonl,
)
from strife.export.rows import EVENT_COLUMNS, event_row, toll_fields
from strife.export.stored import (
    StoredArticle,
    StoredEvent,
    stored_events,
    stored_results,
)

# The database layer (SQLAlchemy, ~0.13 s to import) loads only in the functions that read the
# store, so `strife extract`, which prints JSON and tables with this package, never pays for it.
if TYPE_CHECKING:
    from strife.store import EventQuery, Store

__all__ = [
    "ACLED_COLUMNS", "EVENT_COLUMNS", "EXPORT_FORMATS", "GDELT_COLUMNS", "PARQUET_KINDS", "TABLE_HEADER",
    "StoredArticle", "StoredEvent", "acled_actor_name", "acled_inter", "acled_inter_codes", "acled_inter_table",
    "acled_notes", "acled_row", "acled_time_precision", "atomic_output", "event_row", "export_events",
    "gdelt_geo_type", "gdelt_row", "geojson_feature", "parquet_event_row", "parquet_schemas", "plover_record",
    "stored_events", "stored_results", "table_rows", "to_json", "toll_fields", "write_acled_csv",
    "write_cameo_tsv", "write_events_csv", "write_geojson", "write_json_array", "write_parquet",
    "write_plover_jsonl",
]

EXPORT_FORMATS = ("acled-csv", "cameo-tsv", "plover-json", "geojson", "parquet")


def export_events(store: Store, fmt: str, query: EventQuery, out: IO[str] | Path, header: bool = True,
                  conventions: Optional[bool] = None) -> dict[str, int]:
    """Write the store's events matching `query` in one of EXPORT_FORMATS; returns what was written.

    Text formats write to an open text stream; parquet to a path (file or folder). ``conventions``:
    ACLED's conventions for the acled-csv tolls or the text's figures (None: the environment's switch).
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise ValueError("parquet needs an output path (-o FILE.parquet or -o FOLDER)")
        return write_parquet(store, query, Path(out))
    if isinstance(out, (str, Path)):
        raise ValueError(f"{fmt} writes to a text stream, not a path")
    items = stored_events(store, query)
    if fmt == "acled-csv":
        written, left_out = write_acled_csv(items, out, header, conventions)
        return {"events": written, "without_acled_type": left_out}
    if fmt == "cameo-tsv":
        return {"events": write_cameo_tsv(items, out, header)}
    if fmt == "plover-json":
        return {"events": write_plover_jsonl(items, out)}
    written, missing = write_geojson(items, out)
    return {"events": written, "without_coordinates": missing}
