"""The `strife` command: a thin shell over the library (`strife.engine`, `strife.store`, ...).

Exit codes mean something: 0 all inputs coded, 1 some inputs were rejected (each named on
stderr, the rest processed), 2 a usage error (bad option, missing model, unreadable database).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from typing import Iterable, Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from strife import __version__
from strife.engine import Coded, LocalEngine, Outcome
from strife.export import TABLE_HEADER, table_rows, to_json, write_events_csv, write_json_array
from strife.ingest import InputProblem, parse_date, read_inputs
from strife.model import PLOVER_TYPES, output_schema
from strife.store import EventQuery, Store

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="strife",
    help="Code conflict and political news into event data (PLOVER, CAMEO, ACLED) with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)

ModelOption = typer.Option(None, "--model", envvar="STRIFE_MODEL", help="Installed spaCy pipeline to use.")
DbOption = typer.Option(None, "--db", envvar="STRIFE_DB", help="Database file or URL (default ./strife.db).")
PublishedOption = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for inputs that lack one.")


def fail(message: str, code: int = EXIT_USAGE) -> None:
    """One clear line on stderr and a meaningful exit code, never a traceback."""
    typer.echo(f"strife: {message}", err=True)
    raise typer.Exit(code)


def _date_option(value: Optional[str], option: str) -> Optional[dt.date]:
    try:
        return parse_date(value)
    except ValueError as error:
        fail(f"{option}: {error}")
    return None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"strife {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """strife: conflict and political news in, auditable event data out."""


def _engine(model: Optional[str]) -> LocalEngine:
    try:
        return LocalEngine(model=model)
    except ValueError as error:
        fail(str(error))
    raise AssertionError("unreachable")


def _report(problem: InputProblem) -> None:
    label = "rejected" if problem.fatal else "warning"
    typer.echo(f"strife: {label}: {problem}", err=True)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .jsonl), folders, or - for stdin."),
    published: Optional[str] = PublishedOption,
    fmt: str = typer.Option("json", "--format", "-f", help="json, jsonl or table."),
    model: Optional[str] = ModelOption,
) -> None:
    """Code articles and print the events; nothing is stored.

    json prints one object for one article and an array for several; jsonl prints one line per
    article in input order (a rejected input gets a line with its "error").
    """
    if fmt not in ("json", "jsonl", "table"):
        fail(f"--format must be json, jsonl or table, not {fmt!r}")
    date = _date_option(published, "--published")
    engine = _engine(model)
    outcomes = engine.run(read_inputs(paths, date))
    rejected = {"any": False}

    def coded() -> Iterator[Coded]:
        for outcome in outcomes:
            if isinstance(outcome, InputProblem):
                _report(outcome)
                rejected["any"] |= outcome.fatal
                if fmt == "jsonl" and outcome.fatal:
                    typer.echo(json.dumps({"origin": outcome.origin, "error": outcome.message}))
                continue
            yield outcome

    {"json": _print_json, "jsonl": _print_jsonl, "table": _print_tables}[fmt](coded())
    raise typer.Exit(EXIT_REJECTED if rejected["any"] else EXIT_OK)


def _print_json(items: Iterable[Coded]) -> None:
    results = [item.result for item in items]
    if len(results) == 1:
        typer.echo(to_json(results[0]))
    else:
        write_json_array(results, sys.stdout)


def _print_jsonl(items: Iterable[Coded]) -> None:
    for item in items:
        typer.echo(to_json(item.result, indent=None))


def _print_tables(items: Iterable[Coded]) -> None:
    out = _stdout_console()
    for item in items:
        meta = item.result.article
        out.print(_events_table(item.result.events, title=f"{meta.title or meta.id} ({meta.published or 'no date'})"))


def _events_table(events, title: Optional[str] = None) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for name in TABLE_HEADER:
        table.add_column(name, overflow="fold")
    for row in table_rows(events):
        table.add_row(*row)
    return table


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .jsonl), folders, or - for stdin."),
    db: Optional[str] = DbOption,
    published: Optional[str] = PublishedOption,
    model: Optional[str] = ModelOption,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Code articles and store them; an article already stored (same text) is not stored again."""
    date = _date_option(published, "--published")
    store = _open_store(db)
    engine = _engine(model)
    summary = {"articles": 0, "stored": 0, "already_stored": 0, "events": 0, "rejected": 0, "warnings": 0}
    started = time.perf_counter()
    with store, _progress() as progress:
        task = progress.add_task("coding", total=None)
        for outcome in engine.run(read_inputs(paths, date)):
            _tally(store, outcome, summary)
            progress.update(task, advance=1)
    summary["seconds"] = round(time.perf_counter() - started, 2)
    _print_summary(summary, store.url, as_json)
    raise typer.Exit(EXIT_REJECTED if summary["rejected"] else EXIT_OK)


def _tally(store: Store, outcome: Outcome, summary: dict) -> None:
    if isinstance(outcome, InputProblem):
        _report(outcome)
        summary["rejected" if outcome.fatal else "warnings"] += 1
        return
    summary["articles"] += 1
    done = store.add(outcome.result, outcome.article.text, outcome.article.origin)
    summary["stored" if done.stored else "already_stored"] += 1
    summary["events"] += done.n_events if done.stored else 0


def _print_summary(summary: dict, url: str, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({**summary, "db": url}))
        return
    typer.echo(
        f"{summary['articles']} articles read: {summary['stored']} stored with {summary['events']} events, "
        f"{summary['already_stored']} already stored (unchanged); {summary['rejected']} rejected; "
        f"{summary['seconds']} s -> {url}"
    )


def _stdout_console() -> Console:
    """Tables on a terminal fit it; piped into a file or pager they keep full width instead of 80."""
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=200)


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )


def _open_store(db: Optional[str]) -> Store:
    try:
        return Store(db)
    except Exception as error:  # noqa: BLE001 - any database failure is a usage problem here
        fail(f"cannot open database {db or 'strife.db'}: {error}")
    raise AssertionError("unreachable")


@app.command()
def events(
    db: Optional[str] = DbOption,
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 country of the event location."),
    event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER category, e.g. ASSAULT."),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Source or target name contains this."),
    include_unreal: bool = typer.Option(False, "--all", help="Also negated and hypothetical events."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
) -> None:
    """Query stored events."""
    if fmt not in ("table", "json", "csv"):
        fail(f"--format must be table, json or csv, not {fmt!r}")
    if event_type and event_type.upper() not in PLOVER_TYPES:
        fail(f"--type {event_type!r} is not a PLOVER category ({', '.join(PLOVER_TYPES)})")
    query = EventQuery(
        country=country, event_type=event_type, since=_date_option(since, "--since"),
        until=_date_option(until, "--until"), actor=actor, include_unreal=include_unreal, limit=limit,
    )
    with _open_store(db) as store:
        found = store.events(query)
        if fmt == "json":
            write_json_array(found, sys.stdout)
        elif fmt == "csv":
            write_events_csv(found, sys.stdout)
        else:
            _stdout_console().print(_events_table(list(found)))


@app.command()
def articles(
    db: Optional[str] = DbOption,
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List stored articles with their event counts."""
    with _open_store(db) as store:
        rows = store.articles(limit)
    if fmt == "json":
        typer.echo(json.dumps(rows, default=str, ensure_ascii=False, indent=2))
        return
    table = Table()
    for name in ("id", "published", "events", "title", "sha256"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(row["article_id"], str(row["published"] or ""), str(row["n_events"]), row["title"] or "", row["sha256"][:12])
    _stdout_console().print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the per-article output."""
    typer.echo(json.dumps(output_schema(), indent=2))


def main() -> None:
    app()
