"""The commands that read the database: `events`, `articles`, `actors`, `network`, `incidents`,
`export`, and `schema` (the output contract). None of them writes.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import typer
from rich.table import Table

from strife.cli.common import (
    ConventionsOption,
    DbOption,
    MinConfidenceOption,
    date_option,
    err,
    events_table,
    fail,
    open_store,
    shared_options,
    stdout_console,
)
from strife.model import DATE_PRECISIONS, PLOVER_TYPES, output_schema

if TYPE_CHECKING:
    from strife.store import EventQuery, Store


# The period and reality filters `events`, `export` and `network` share (`actors` words its help as counts).
SinceOption = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD.")
UntilOption = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD.")
AllOption = typer.Option(False, "--all", help="Also negated and hypothetical events.")


@dataclass
class EventFilters:
    """The filters `events` and `export` share: those of `strife.store.EventQuery`."""

    country: Optional[str] = typer.Option(None, "--country", help="ISO3 country of the event location.")
    event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER category, e.g. ASSAULT.")
    since: Optional[str] = SinceOption
    until: Optional[str] = UntilOption
    actor: Optional[str] = typer.Option(None, "--actor", help="Source or target name contains this.")
    include_unreal: bool = AllOption
    precision: Optional[str] = typer.Option(
        None, "--precision", help="Only dates this sure, comma-separated: day, week, month, year, range, ongoing, "
                                  "reported (the text names no date: the publication day), unknown.")
    limit: Optional[int] = typer.Option(None, "--limit", min=1)

    def query(self, min_confidence: Optional[float] = None) -> EventQuery:
        """The database query, `--min-confidence` included (a filter in SQL, before --limit cuts);
        an unknown --type or a malformed date is a usage error."""
        from strife.store import EventQuery

        if self.event_type and self.event_type.upper() not in PLOVER_TYPES:
            fail(f"--type {self.event_type!r} is not a PLOVER category ({', '.join(PLOVER_TYPES)})")
        return EventQuery(
            country=self.country, event_type=self.event_type, since=date_option(self.since, "--since"),
            until=date_option(self.until, "--until"), actor=self.actor, include_unreal=self.include_unreal,
            limit=self.limit, min_confidence=min_confidence, precisions=precision_option(self.precision),
        )


def _period_query(since: Optional[str], until: Optional[str], include_unreal: bool) -> EventQuery:
    """The query of `actors` and `network`: a period (a malformed date is a usage error) and --all."""
    from strife.store import EventQuery

    return EventQuery(since=date_option(since, "--since"), until=date_option(until, "--until"),
                      include_unreal=include_unreal)


def precision_option(value: Optional[str]) -> Optional[tuple[str, ...]]:
    """`--precision day,reported` as a tuple; an unknown precision is a usage error."""
    if not value:
        return None
    chosen = tuple(p.strip().lower() for p in value.split(",") if p.strip())
    unknown = [p for p in chosen if p not in DATE_PRECISIONS]
    if unknown:
        fail(f"--precision {', '.join(unknown)!r} is not a date precision ({', '.join(DATE_PRECISIONS)})")
    return chosen


@shared_options(EventFilters)
def events(
    filters: EventFilters,
    db: Optional[str] = DbOption,
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
    min_confidence: Optional[float] = MinConfidenceOption,
) -> None:
    """Query stored events."""
    from strife.export import write_events_csv, write_json_array

    if fmt not in ("table", "json", "csv"):
        fail(f"--format must be table, json or csv, not {fmt!r}")
    query = filters.query(min_confidence)
    with open_store(db) as store:
        found = store.events(query)
        if fmt == "json":
            write_json_array(found, sys.stdout)
        elif fmt == "csv":
            write_events_csv(found, sys.stdout)
        else:
            stdout_console().print(events_table(list(found)))


def articles(
    db: Optional[str] = DbOption,
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List stored articles with their event counts."""
    with open_store(db) as store:
        rows = store.articles(limit)
    if fmt == "json":
        typer.echo(json.dumps(rows, default=str, ensure_ascii=False, indent=2))
        return
    table = Table()
    for name in ("id", "published", "events", "title", "sha256"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(row["article_id"], str(row["published"] or ""), str(row["n_events"]), row["title"] or "", row["sha256"][:12])
    stdout_console().print(table)


def actors(
    db: Optional[str] = DbOption,
    top: Optional[int] = typer.Option(None, "--top", min=1, help="Only the N actors in most events."),
    since: Optional[str] = typer.Option(None, "--since", help="Count events on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Count events on or before YYYY-MM-DD."),
    include_unreal: bool = typer.Option(False, "--all", help="Also count negated and hypothetical events."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List stored actors with stable ids and event counts (as source, as target), most active first."""
    from strife.network import actor_table

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json, not {fmt!r}")
    query = _period_query(since, until, include_unreal)
    with open_store(db) as store:
        rows = actor_table(store, top=top, query=query)
    if fmt == "json":
        typer.echo(json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=2))
        return
    table = Table()
    for name in ("id", "actor", "country", "sector", "events", "as source", "as target", "written as"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(row.id, row.canonical, row.country or "", row.sector or "", str(row.events), str(row.as_source),
                      str(row.as_target), "; ".join(row.names[:3]))
    stdout_console().print(table)


def network(
    db: Optional[str] = DbOption,
    since: Optional[str] = SinceOption,
    until: Optional[str] = UntilOption,
    include_unreal: bool = AllOption,
    fmt: str = typer.Option("graphml", "--format", "-f", help="graphml (Gephi, Cytoscape) or json (node-link, d3)."),
    output: str = typer.Option("-", "--output", "-o", help="File to write ('-' for stdout)."),
) -> None:
    """Export the actor-to-actor event network: source -> target edges weighted by events and PLOVER quad."""
    from strife.network import NETWORK_FORMATS, actor_network, write_network

    if fmt not in NETWORK_FORMATS:
        fail(f"--format must be one of {', '.join(NETWORK_FORMATS)}, not {fmt!r}")
    query = _period_query(since, until, include_unreal)
    with open_store(db) as store:
        graph = actor_network(store, query)
    try:
        write_network(graph, fmt, sys.stdout if output == "-" else output)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
    if output != "-":
        typer.echo(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges, "
                   f"{graph.graph['events']} events -> {output}", err=True)


def schema() -> None:
    """Print the JSON Schema of the per-article output."""
    typer.echo(json.dumps(output_schema(), indent=2))


@shared_options(EventFilters)
def export_command(
    filters: EventFilters,
    fmt: str = typer.Option(..., "--format", "-f", help="acled-csv, cameo-tsv, plover-json, geojson or parquet."),
    output: str = typer.Option(..., "--output", "-o", help="File to write ('-' for stdout); parquet: FILE.parquet or a FOLDER."),
    db: Optional[str] = DbOption,
    header: bool = typer.Option(True, "--header/--no-header", help="Header row in acled-csv and cameo-tsv."),
    conventions: Optional[bool] = ConventionsOption,
    as_json: bool = typer.Option(False, "--json", help="Print what was written as JSON."),
) -> None:
    """Export stored events for other tools: ACLED CSV, GDELT/CAMEO TSV, PLOVER JSON lines, GeoJSON, Parquet.

    Streams from the database, so it works on a database of any size; takes the filters of `strife events`.
    """
    from strife.export import EXPORT_FORMATS

    if fmt not in EXPORT_FORMATS:
        fail(f"--format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")
    query = filters.query()
    if fmt == "parquet" and output == "-":
        fail("parquet cannot go to stdout: give -o FILE.parquet or -o FOLDER")
    with open_store(db) as store:
        try:
            written = _export_to(store, fmt, query, output, header, conventions)
        except OSError as error:
            fail(f"cannot write {output}: {error.strerror or error}")
    if as_json:
        typer.echo(json.dumps({"format": fmt, "output": output, **written}))
    elif output != "-":
        details = ", ".join(f"{n} {kind}" for kind, n in written.items())
        typer.echo(f"{details} -> {output}", err=True)


def _export_to(store: Store, fmt: str, query: EventQuery, output: str, header: bool,
               conventions: Optional[bool] = None) -> dict:
    """Write one export to a file (atomically), stdout or, for parquet, a path."""
    from pathlib import Path

    from strife.export import atomic_output, export_events

    if fmt == "parquet":
        return export_events(store, fmt, query, Path(output))
    if output == "-":
        return export_events(store, fmt, query, sys.stdout, header, conventions)
    with atomic_output(output) as handle:  # complete or absent, never half-written
        return export_events(store, fmt, query, handle, header, conventions)


def incidents(
    db: Optional[str] = DbOption,
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 country of the incident."),
    event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER category, e.g. ASSAULT."),
    since: Optional[str] = typer.Option(None, "--since", help="Incidents on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Incidents on or before YYYY-MM-DD."),
    min_sources: int = typer.Option(1, "--min-sources", min=1, help="Only incidents reported by at least this many articles."),
    contradictions: bool = typer.Option(False, "--contradictions", help="Only incidents whose sources contradict each other."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List incidents: reports of one incident from different articles, with each source's figures.

    Only reads: events are placed into incidents as they are stored (`strife ingest`, `strife watch`,
    the API), or by `strife db incidents`, which a database filled by an older strife needs once.
    """
    from strife.export import write_json_array
    from strife.store import EventQuery

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json, not {fmt!r}")
    if event_type and event_type.upper() not in PLOVER_TYPES:
        fail(f"--type {event_type!r} is not a PLOVER category ({', '.join(PLOVER_TYPES)})")
    query = EventQuery(country=country, event_type=event_type, since=date_option(since, "--since"),
                       until=date_option(until, "--until"), limit=None if contradictions else limit)
    with open_store(db) as store:
        found = [i for i in store.incidents(query, min_sources=min_sources) if i.contradiction or not contradictions]
        unplaced = store.unplaced_events()
    if unplaced:
        err.print(f"strife: {unplaced} stored events are not in an incident yet: run `strife db incidents`", markup=False)
    found = found[:limit] if limit else found
    if fmt == "json":
        write_json_array(found, sys.stdout)
        return
    stdout_console().print(_incidents_table(found))


def _incidents_table(found) -> Table:
    table = Table(show_lines=True)
    for name in ("incident", "date", "type", "country", "sources", "killed low/best/high", "who said what"):
        table.add_column(name, overflow="fold")
    for incident in found:
        killed = incident.fatalities
        figures = f"{killed.low}/{killed.best}/{killed.high}" + (" CONTRADICTION" if killed.contradiction else "") if killed else ""
        said = "\n".join(f"{s.publisher or s.article_id} ({s.published or '?'}): {s.fatalities.text if s.fatalities else '-'}"
                         for s in incident.sources)
        table.add_row(incident.id, str(incident.date or ""), incident.event_type, incident.country or "",
                      str(incident.n_sources), figures, said)
    return table


