"""The `strife` command: a thin shell over the library (`strife.engine`, `strife.store`, ...).

Exit codes mean something: 0 all inputs coded, 1 some inputs were rejected (each named on
stderr, the rest processed), 2 a usage error (bad option, missing model, unreadable database).
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import sys
import time
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator, List, Optional

import typer
from typer.models import ArgumentInfo
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.progress import TimeRemainingColumn
from rich.text import Text
from rich.table import Table

from strife import __version__
from strife.engine import DEFAULT_MAX_CHARS, DEFAULT_MAX_SECONDS, ENGINES, Coded, LocalEngine, Outcome
from strife.engine import estimate_articles, make_engine
from strife.ingest import InputProblem, parse_date, read_inputs
from strife.ingest import FORMATS as INPUT_FORMATS, ColumnMap, ReadOptions, Skipped
from strife.model import PLOVER_TYPES, output_schema

# The database (SQLAlchemy), export, the pipeline (spaCy) and Dask are imported inside the commands
# that use them, so `strife --help` and `strife extract` start fast (bench/startup.py).
if TYPE_CHECKING:
    from strife.store import BatchWriter, EventQuery, Store, StoreOutcome

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
ActorsOption = typer.Option(None, "--actors", envvar="STRIFE_ACTORS",
                            help="Your actor dictionary (CSV with the columns of strife/data/actors.csv) on top of strife's.")


def display_url(url: str) -> str:
    """The database URL with its password masked (`strife.store.display_url`, imported on use)."""
    from strife.store import display_url as masked

    return masked(url)


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


InputFormatOption = typer.Option(
    None, "--input-format", help=f"Read every input as this format ({', '.join(INPUT_FORMATS)}) instead of detecting it.")
TextColumnOption = typer.Option(None, "--text-column", help="CSV column / JSON key with the article text.")
DateColumnOption = typer.Option(None, "--date-column", help="CSV column / JSON key with the publication date.")
TitleColumnOption = typer.Option(None, "--title-column", help="CSV column / JSON key with the headline.")
IdColumnOption = typer.Option(None, "--id-column", help="CSV column / JSON key with the article id.")
UrlColumnOption = typer.Option(None, "--url-column", help="CSV column / JSON key with the article URL.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"strife {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """strife: conflict and political news in, auditable event data out."""


def _use_actors(path: Optional[str]) -> None:
    """Check a user's --actors file, then have the pipeline code with it (here and in worker processes)."""
    if not path:
        return
    import os

    from strife.resolve.actors import ACTORS_ENV, ActorDictionary

    path = os.path.abspath(path)
    try:
        ActorDictionary.with_user_file(path)
    except ValueError as error:
        fail(f"--actors: {error}")
    os.environ[ACTORS_ENV] = path


def _model_dir(path: Optional[str]) -> Optional[str]:
    """A --model-dir checked now (one-line usage error when unusable), as an absolute path."""
    if not path:
        return None
    from strife.learn.model import ModelDirError, load_model

    try:
        load_model(path)
    except ModelDirError as error:
        fail(f"--model-dir: {error}")
    import os

    return os.path.abspath(path)


ModelDirOption = typer.Option(None, "--model-dir", envvar="STRIFE_MODEL_DIR",
                              help="A model directory from `strife train`: it types the events found (roles, places, dates, counts stay).")


def _engine(model: Optional[str], model_dir: Optional[str] = None) -> LocalEngine:
    try:
        return LocalEngine(model=model, model_dir=_model_dir(model_dir))
    except ValueError as error:
        fail(str(error))
    raise AssertionError("unreachable")


EngineOption = typer.Option("local", "--engine", help="local (this process) or dask (worker processes / a cluster).")
WorkersOption = typer.Option(2, "--workers", min=1, help="Worker processes of the dask engine's local cluster.")
SchedulerOption = typer.Option(None, "--scheduler", envvar="STRIFE_SCHEDULER",
                               help="Dask scheduler address (tcp://host:8786) to use instead of a local cluster.")
BatchSizeOption = typer.Option(16, "--batch-size", min=1, help="Articles per spaCy batch / Dask task.")
ErrorsOption = typer.Option(None, "--errors", help="Also write each rejected input to this file as a JSON line "
                                                   '{"input", "line", "stage", "error"}.')
MaxCharsOption = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1,
                              help="Reject an article longer than this many characters (parse time and memory grow with it).")
MaxSecondsOption = typer.Option(DEFAULT_MAX_SECONDS, "--max-seconds", min=0.0,
                                help="Reject an article still in strife's stages after this many seconds (0: no limit).")
MinConfidenceOption = typer.Option(
    None, "--min-confidence", min=0.0, max=1.0,
    help="Only events whose calibrated confidence is at least this (0-1): trade recall for precision.",
)


def _chosen_engine(kind: str, model: Optional[str], batch_size: int, workers: int, scheduler: Optional[str],
                   max_chars: int = DEFAULT_MAX_CHARS, max_seconds: float = DEFAULT_MAX_SECONDS,
                   model_dir: Optional[str] = None):
    """The engine of --engine/--workers/--scheduler/--batch-size and the per-article limits; a usage
    error when it cannot start."""
    if kind not in ENGINES:
        fail(f"--engine must be {' or '.join(ENGINES)}, not {kind!r}")
    if scheduler and kind != "dask":
        fail("--scheduler needs --engine dask")
    try:
        return make_engine(kind, model=model, batch_size=batch_size, workers=workers, scheduler=scheduler,
                           max_chars=max_chars, max_seconds=max_seconds or None, model_dir=_model_dir(model_dir))
    except ValueError as error:
        fail(str(error))
    raise AssertionError("unreachable")


_error_log: List[IO[str]] = []  # the --errors file of this run, when one was named


def _log_errors_to(path: Optional[str]) -> None:
    """Have `_report` also write every rejected input to `path` as a JSON line, flushed as it
    happens (a run that is killed keeps what it reported); unwritable is a usage error."""
    if not path:
        return
    try:
        _error_log.append(open(path, "w", encoding="utf-8", buffering=1))  # noqa: SIM115 - open for the run
    except OSError as error:
        fail(f"--errors {path}: cannot write it: {error.strerror or error}")


def _report(problem: InputProblem) -> None:
    label = "skipped" if isinstance(problem, Skipped) else "rejected" if problem.fatal else "warning"
    typer.echo(f"strife: {label}: {problem}", err=True)
    if problem.fatal:
        for handle in _error_log:
            handle.write(json.dumps(problem.as_record(), ensure_ascii=False) + "\n")


@dataclass
class CodingOptions:
    """What `extract` and `ingest` share: the inputs, how to read them, and the engine that codes them.

    Defined once: `shared_options(CodingOptions)` gives a command these parameters (typer reads
    them from this class) and hands them to it as one `CodingOptions`.
    """

    paths: List[str] = typer.Argument(
        ..., help="Files (.txt .html .xml/.rss/.atom .warc .csv .jsonl, .gz of any), folders, URLs, or - for stdin.")
    published: Optional[str] = PublishedOption
    model: Optional[str] = ModelOption
    input_format: Optional[str] = InputFormatOption
    text_column: Optional[str] = TextColumnOption
    date_column: Optional[str] = DateColumnOption
    title_column: Optional[str] = TitleColumnOption
    id_column: Optional[str] = IdColumnOption
    url_column: Optional[str] = UrlColumnOption
    engine_kind: str = EngineOption
    workers: int = WorkersOption
    scheduler: Optional[str] = SchedulerOption
    batch_size: int = BatchSizeOption
    actors: Optional[str] = ActorsOption
    errors: Optional[str] = ErrorsOption
    max_chars: int = MaxCharsOption
    max_seconds: float = MaxSecondsOption
    model_dir: Optional[str] = ModelDirOption

    def read_options(self) -> ReadOptions:
        """How to read the inputs, with --published and --input-format checked and the --errors
        file opened: usage errors all, reported before anything is loaded."""
        published = _date_option(self.published, "--published")
        if self.input_format and self.input_format not in ("auto", *INPUT_FORMATS):
            fail(f"--input-format must be one of {', '.join(INPUT_FORMATS)}, not {self.input_format!r}")
        columns = ColumnMap(text=self.text_column, published=self.date_column, title=self.title_column,
                            id=self.id_column, url=self.url_column)
        _log_errors_to(self.errors)
        return ReadOptions(published=published, input_format=self.input_format, columns=columns)

    def engine(self):
        """The engine to code with, --actors checked first (the slow part, loading the model, comes last)."""
        _use_actors(self.actors)
        return _chosen_engine(self.engine_kind, self.model, self.batch_size, self.workers, self.scheduler,
                              self.max_chars, self.max_seconds, self.model_dir)


def shared_options(options_class: type) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the parameters of `options_class` (a dataclass whose defaults are typer
    arguments and options), handed to the command as one instance, its first parameter.

    Typer has no option groups: this keeps each shared option defined once. In --help the shared
    arguments come first, then the command's own options, then the shared ones.
    """
    shared = list(inspect.signature(options_class, eval_str=True).parameters.values())
    arguments = [p for p in shared if isinstance(p.default, ArgumentInfo)]
    options = [p for p in shared if not isinstance(p.default, ArgumentInfo)]

    def with_shared(command: Callable[..., None]) -> Callable[..., None]:
        own = list(inspect.signature(command, eval_str=True).parameters.values())[1:]

        @functools.wraps(command)
        def run(**values: object) -> None:
            return command(options_class(**{p.name: values.pop(p.name) for p in shared}), **values)

        run.__signature__ = inspect.Signature(arguments + own + options)  # type: ignore[attr-defined]
        run.__annotations__ = {}  # the signature holds the evaluated types typer reads
        return run

    return with_shared


@app.command()
@shared_options(CodingOptions)
def extract(
    coding: CodingOptions,
    fmt: str = typer.Option("json", "--format", "-f", help="json, jsonl or table."),
    min_confidence: Optional[float] = MinConfidenceOption,
) -> None:
    """Code articles and print the events; nothing is stored.

    json prints one object for one article and an array for several; jsonl prints one line per
    article in input order (a rejected input gets a line with its "error").
    """
    from strife.extract.events import confident

    if fmt not in ("json", "jsonl", "table"):
        fail(f"--format must be json, jsonl or table, not {fmt!r}")
    options = coding.read_options()
    engine = coding.engine()
    outcomes = engine.run(read_inputs(coding.paths, options=options))
    rejected = {"any": False}

    def coded() -> Iterator[Coded]:
        for outcome in outcomes:
            if isinstance(outcome, InputProblem):
                _report(outcome)
                rejected["any"] |= outcome.fatal
                if fmt == "jsonl" and outcome.fatal:
                    typer.echo(json.dumps({"origin": outcome.origin, "error": outcome.message}))
                continue
            outcome.result.events = confident(outcome.result.events, min_confidence)
            yield outcome

    with engine:
        {"json": _print_json, "jsonl": _print_jsonl, "table": _print_tables}[fmt](coded())
    raise typer.Exit(EXIT_REJECTED if rejected["any"] else EXIT_OK)


def _print_json(items: Iterable[Coded]) -> None:
    from strife.export import to_json, write_json_array

    results = [item.result for item in items]
    if len(results) == 1:
        typer.echo(to_json(results[0]))
    else:
        write_json_array(results, sys.stdout)


def _print_jsonl(items: Iterable[Coded]) -> None:
    from strife.export import to_json

    for item in items:
        typer.echo(to_json(item.result, indent=None))


def _print_tables(items: Iterable[Coded]) -> None:
    out = _stdout_console()
    for item in items:
        meta = item.result.article
        out.print(_events_table(item.result.events, title=f"{meta.title or meta.id} ({meta.published or 'no date'})"))


def _events_table(events, title: Optional[str] = None) -> Table:
    from strife.export import TABLE_HEADER, table_rows

    table = Table(title=title, title_justify="left", show_lines=False)
    for name in TABLE_HEADER:
        table.add_column(name, overflow="fold")
    for row in table_rows(events):
        table.add_row(*row)
    return table


@app.command()
@shared_options(CodingOptions)
def ingest(
    coding: CodingOptions,
    db: Optional[str] = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Code articles and store them; an article already stored (same text) is not stored again.

    --engine dask codes on worker processes (a local cluster of --workers, or the cluster of
    --scheduler) and stores here as results stream back, in input order.
    """
    from strife.store import BatchWriter

    options = coding.read_options()
    store = _open_store(db)  # an unusable database is reported before the model loads
    engine = coding.engine()
    summary = {"articles": 0, "stored": 0, "already_stored": 0, "events": 0, "rejected": 0, "warnings": 0,
               "skipped": {}}
    started = time.perf_counter()
    with store, engine, _progress() as progress, BatchWriter(store) as writer:
        task = progress.add_task("coding", total=estimate_articles(coding.paths) if progress.live.is_started else None)
        for outcome in engine.run(read_inputs(coding.paths, options=options)):
            _tally(writer, outcome, summary)
            progress.update(task, advance=1)
        _count_stored(writer.flush(), summary)
    summary["seconds"] = round(time.perf_counter() - started, 2)
    summary["articles_per_second"] = round(summary["articles"] / summary["seconds"], 2) if summary["seconds"] else None
    summary["engine"] = coding.engine_kind
    _print_summary(summary, display_url(store.url), as_json)
    raise typer.Exit(EXIT_REJECTED if summary["rejected"] else EXIT_OK)


def _tally(writer: BatchWriter, outcome: Outcome, summary: dict) -> None:
    """Count one outcome of the engine; a coded article joins the writer's batch (stored 50 at a time)."""
    if isinstance(outcome, Skipped):
        _report(outcome)
        _record_skip(writer.store, outcome, summary)
        return
    if isinstance(outcome, InputProblem):
        _report(outcome)
        summary["rejected" if outcome.fatal else "warnings"] += 1
        return
    summary["articles"] += 1
    _count_stored(writer.add(outcome.result, outcome.article.text, outcome.article.origin), summary)


def _count_stored(outcomes: List[StoreOutcome], summary: dict) -> None:
    """Count a written batch; an article the database refused is reported and counted as rejected."""
    for done in outcomes:
        if done.error:
            _report(InputProblem(done.origin or done.sha256[:12], f"could not be stored: {done.error}", stage="store"))
            summary["rejected"] += 1
            continue
        summary["stored" if done.stored else "already_stored"] += 1
        summary["events"] += done.n_events if done.stored else 0


def _record_skip(store: Store, skip: Skipped, summary: dict) -> None:
    """Count a skipped article by language and keep it on record in the database (`skipped_inputs`)."""
    from strife.intake import record_skip

    record_skip(store, skip)
    skipped = summary.setdefault("skipped", {})
    skipped[skip.language or skip.reason] = skipped.get(skip.language or skip.reason, 0) + 1


def _print_summary(summary: dict, url: str, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({**summary, "db": url}))
        return
    typer.echo(
        f"{summary['articles']} articles read: {summary['stored']} stored with {summary['events']} events, "
        f"{summary['already_stored']} already stored (unchanged); {summary['rejected']} rejected; "
        + (f"{sum(summary['skipped'].values())} skipped as not English "
           f"({', '.join(f'{k}: {n}' for k, n in sorted(summary['skipped'].items()))}); " if summary.get("skipped") else "")
        + f"{summary['seconds']} s"
        + (f" ({summary['articles_per_second']} articles/s)" if summary.get("articles_per_second") else "")
        + f" -> {url}"
    )


def _stdout_console() -> Console:
    """Tables on a terminal fit it; piped into a file or pager they keep full width instead of 80."""
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=200)


class _RateColumn(ProgressColumn):
    """Articles per second over the last half minute, as an analyst sizing a run wants to see it."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "- articles/s", style="progress.data.speed")


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        _RateColumn(), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )


def _open_store(db: Optional[str]) -> Store:
    """Open the database, any failure reported in one line (password masked)."""
    from strife.store import Store, describe_error

    try:
        return Store(db)
    except Exception as error:  # noqa: BLE001 - any database failure is a usage problem here
        fail(f"cannot open database {display_url(db or 'strife.db')}: {describe_error(error)}")
    raise AssertionError("unreachable")


@dataclass
class EventFilters:
    """The filters `events` and `export` share: those of `strife.store.EventQuery`."""

    country: Optional[str] = typer.Option(None, "--country", help="ISO3 country of the event location.")
    event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER category, e.g. ASSAULT.")
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD.")
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD.")
    actor: Optional[str] = typer.Option(None, "--actor", help="Source or target name contains this.")
    include_unreal: bool = typer.Option(False, "--all", help="Also negated and hypothetical events.")
    limit: Optional[int] = typer.Option(None, "--limit", min=1)

    def query(self, whole: bool = False) -> EventQuery:
        """The database query (without --limit when `whole`: the caller filters further, then cuts);
        an unknown --type or a malformed date is a usage error."""
        from strife.store import EventQuery

        if self.event_type and self.event_type.upper() not in PLOVER_TYPES:
            fail(f"--type {self.event_type!r} is not a PLOVER category ({', '.join(PLOVER_TYPES)})")
        return EventQuery(
            country=self.country, event_type=self.event_type, since=_date_option(self.since, "--since"),
            until=_date_option(self.until, "--until"), actor=self.actor, include_unreal=self.include_unreal,
            limit=None if whole else self.limit,
        )


@app.command()
@shared_options(EventFilters)
def events(
    filters: EventFilters,
    db: Optional[str] = DbOption,
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
    min_confidence: Optional[float] = MinConfidenceOption,
) -> None:
    """Query stored events."""
    from strife.export import write_events_csv, write_json_array
    from strife.extract.events import confident

    if fmt not in ("table", "json", "csv"):
        fail(f"--format must be table, json or csv, not {fmt!r}")
    query = filters.query(whole=min_confidence is not None)
    with _open_store(db) as store:
        found = store.events(query)
        if min_confidence is not None:
            found = confident(found, min_confidence)[:filters.limit]
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
    from strife.store import EventQuery

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json, not {fmt!r}")
    query = EventQuery(since=_date_option(since, "--since"), until=_date_option(until, "--until"),
                       include_unreal=include_unreal)
    with _open_store(db) as store:
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
    _stdout_console().print(table)


@app.command()
def network(
    db: Optional[str] = DbOption,
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),
    include_unreal: bool = typer.Option(False, "--all", help="Also negated and hypothetical events."),
    fmt: str = typer.Option("graphml", "--format", "-f", help="graphml (Gephi, Cytoscape) or json (node-link, d3)."),
    output: str = typer.Option("-", "--output", "-o", help="File to write ('-' for stdout)."),
) -> None:
    """Export the actor-to-actor event network: source -> target edges weighted by events and PLOVER quad."""
    from strife.network import NETWORK_FORMATS, actor_network, write_network
    from strife.store import EventQuery

    if fmt not in NETWORK_FORMATS:
        fail(f"--format must be one of {', '.join(NETWORK_FORMATS)}, not {fmt!r}")
    query = EventQuery(since=_date_option(since, "--since"), until=_date_option(until, "--until"),
                       include_unreal=include_unreal)
    with _open_store(db) as store:
        graph = actor_network(store, query)
    try:
        write_network(graph, fmt, sys.stdout if output == "-" else output)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
    if output != "-":
        typer.echo(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges, "
                   f"{graph.graph['events']} events -> {output}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the per-article output."""
    typer.echo(json.dumps(output_schema(), indent=2))


@app.command("eval")
def eval_command(
    gold: str = typer.Option(..., "--gold", help="Gold file: ACLED or UCDP CSV, PLOVER GSR or strife JSON."),
    gold_format: str = typer.Option(..., "--format", "-f", help="acled, ucdp, plover-gsr or strife."),
    as_json: bool = typer.Option(False, "--json", help="Print metrics, confusions and problems as JSON."),
    report: Optional[str] = typer.Option(None, "--report", help="Folder to write eval.json and eval.html into."),
    published_from: Optional[str] = typer.Option(
        None, "--published-from", help="Column giving each row's publication date (acled: event_date, ucdp: date_end)."),
    text: Optional[str] = typer.Option(None, "--text", help="The article of a strife gold file, if not beside it."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N gold rows."),
    seed: int = typer.Option(12, "--seed", help="Seed of the bootstrap intervals."),
    half: str = typer.Option("all", "--half", help="dev, sealed or all: one fixed half of the gold (strife.evaluate.halves)."),
    model: Optional[str] = ModelOption,
    model_dir: Optional[str] = ModelDirOption,
) -> None:
    """Measure strife against human-coded gold, as a user meets it: each field end to end, then among detected.

    End to end, a record that yields no event is wrong on every field (`strife.evaluate.user`); every
    metric on the matched events is in --json and --report. Each figure has its 95% bootstrap CI and
    count. Exit 1 when some gold rows could not be read or coded (each named on stderr), 2 when the
    gold file itself is unusable.
    """
    from strife.evaluate import (
        FORMATS, HALF_CHOICES, GoldFormatError, evaluate_cases, evaluation_dict, headline, read_gold, select_half,
        write_report,
    )
    from strife.evaluate.report import estimate_cells

    if gold_format not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {gold_format!r}")
    if half not in HALF_CHOICES:
        fail(f"--half must be one of {', '.join(HALF_CHOICES)}, not {half!r}")
    try:
        gold_file = read_gold(gold, gold_format, text_path=text, published_from=published_from, limit=limit)
    except GoldFormatError as error:
        fail(str(error))
    cases = select_half(gold_file.cases, half)
    engine = _engine(model, model_dir)
    with _progress() as progress:
        task = progress.add_task("coding gold", total=len(cases))
        evaluation = evaluate_cases(cases, engine, fmt=gold_format, gold_path=gold, seed=seed,
                                    progress=lambda done: progress.update(task, completed=done))
    evaluation.problems[:0] = gold_file.problems
    evaluation.half = half
    for problem in evaluation.problems:
        _report(problem)
    if report:
        write_report(evaluation, report)
    if as_json:
        typer.echo(json.dumps(evaluation_dict(evaluation, worst=0, records=False), ensure_ascii=False, default=str))
    else:
        table = Table(title=f"{gold} ({gold_format}, half {half}): {evaluation.n_cases} texts, "
                            f"{len(evaluation.records)} gold events", title_justify="left")
        for name in ("field", "end to end", "95% CI", "n", "among detected", "95% CI", "n"):
            table.add_column(name, justify="left" if name == "field" else "right")
        for row in headline(evaluation):
            table.add_row(row.label, *estimate_cells(row.end_to_end), *estimate_cells(row.detected))
        _stdout_console().print(table)
        if evaluation.not_events:
            typer.echo(f"not_events coded as having happened: {sum(o.hit is not None for o in evaluation.not_events)} "
                       f"of {len(evaluation.not_events)}")
        if report:
            typer.echo(f"report: {report}/eval.html, {report}/eval.json")
    raise typer.Exit(EXIT_REJECTED if evaluation.problems else EXIT_OK)


@app.command("export")
@shared_options(EventFilters)
def export_command(
    filters: EventFilters,
    fmt: str = typer.Option(..., "--format", "-f", help="acled-csv, cameo-tsv, plover-json, geojson or parquet."),
    output: str = typer.Option(..., "--output", "-o", help="File to write ('-' for stdout); parquet: FILE.parquet or a FOLDER."),
    db: Optional[str] = DbOption,
    header: bool = typer.Option(True, "--header/--no-header", help="Header row in acled-csv and cameo-tsv."),
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
    with _open_store(db) as store:
        try:
            written = _export_to(store, fmt, query, output, header)
        except OSError as error:
            fail(f"cannot write {output}: {error.strerror or error}")
    if as_json:
        typer.echo(json.dumps({"format": fmt, "output": output, **written}))
    elif output != "-":
        details = ", ".join(f"{n} {kind}" for kind, n in written.items())
        typer.echo(f"{details} -> {output}", err=True)


def _export_to(store: Store, fmt: str, query: EventQuery, output: str, header: bool) -> dict:
    from pathlib import Path

    from strife.export import atomic_output, export_events

    if fmt == "parquet":
        return export_events(store, fmt, query, Path(output))
    if output == "-":
        return export_events(store, fmt, query, sys.stdout, header)
    with atomic_output(output) as handle:  # complete or absent, never half-written
        return export_events(store, fmt, query, handle, header)


@app.command()
def watch(
    feeds: List[str] = typer.Argument(..., help="RSS/Atom feeds: URLs or files."),
    every: str = typer.Option("15m", "--every", help="Time between polls: 30s, 15m, 2h."),
    once: bool = typer.Option(False, "--once", help="Poll each feed once and exit."),
    db: Optional[str] = DbOption,
    model: Optional[str] = ModelOption,
    fetch_links: bool = typer.Option(
        False, "--fetch-links", help="Download each new entry's linked page (else its saved page or summary)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON line per feed and poll."),
) -> None:
    """Poll feeds and code and store new entries only; seen entries are remembered in the database.

    Runs until interrupted (Ctrl-C or SIGTERM finishes the current feed, then exits 0).
    """
    import signal
    import threading

    from strife.intake import parse_interval, watch_feeds

    try:
        seconds = parse_interval(every)
    except ValueError as error:
        fail(f"--every: {error}")
    options = ReadOptions(fetch_links=fetch_links)
    store = _open_store(db)
    engine = _engine(model)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def show(report) -> None:
        for problem in report.problems:
            _report(problem)
        if as_json:
            typer.echo(json.dumps(report.as_dict()))
        else:
            typer.echo(f"{report.feed}: {report.entries} entries, {report.new} new: {report.stored} stored with "
                       f"{report.events} events, {report.skipped} skipped (language), {report.rejected} rejected")

    with store:
        try:
            watch_feeds(store, engine, feeds, seconds, once=once, options=options, on_report=show, stop=stop)
        except KeyboardInterrupt:
            stop.set()
    raise typer.Exit(EXIT_OK)


db_app = typer.Typer(help="Look after the database: schema upgrades and integrity checks.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(
    db: Optional[str] = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print the outcome as JSON."),
) -> None:
    """Bring a database made by an older strife up to the current schema, keeping every row."""
    from strife.migrations import upgrade_database
    from strife.store import describe_error, display_url

    try:
        before, after = upgrade_database(db)
    except Exception as error:  # noqa: BLE001 - any database failure is reported in one line
        fail(f"cannot upgrade database {display_url(db or 'strife.db')}: {describe_error(error)}")
        return
    if as_json:
        typer.echo(json.dumps({"from": before, "to": after}))
    elif before is None:
        typer.echo(f"created a new database at schema revision {after}")
    else:
        typer.echo(f"schema revision {before} -> {after}" if before != after else f"already at schema revision {after}")


@db_app.command("check")
def db_check(
    db: Optional[str] = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print the problems as a JSON list."),
) -> None:
    """Check integrity (SQLite integrity_check, foreign keys, whole articles, evidence offsets); exit 1 on a problem."""
    with _open_store(db) as store:
        problems = store.check()
    if as_json:
        typer.echo(json.dumps(problems))
    else:
        for problem in problems:
            typer.echo(f"strife: problem: {problem}", err=True)
        if not problems:
            typer.echo("ok: no problems found")
    raise typer.Exit(EXIT_REJECTED if problems else EXIT_OK)


@app.command()
def incidents(
    db: Optional[str] = DbOption,
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 country of the incident."),
    event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER category, e.g. ASSAULT."),
    since: Optional[str] = typer.Option(None, "--since", help="Incidents on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Incidents on or before YYYY-MM-DD."),
    min_sources: int = typer.Option(1, "--min-sources", min=1, help="Only incidents reported by at least this many articles."),
    contradictions: bool = typer.Option(False, "--contradictions", help="Only incidents whose sources contradict each other."),
    window_days: int = typer.Option(2, "--window-days", min=0, help="Reports this many days apart may be one incident."),
    radius_km: float = typer.Option(50.0, "--radius-km", min=0.0, help="Reports this far apart may be one incident."),
    update: bool = typer.Option(True, "--update/--no-update", help="First place events stored since the last run."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List incidents: reports of one incident from different articles, with each source's figures."""
    from strife.export import write_json_array
    from strife.store import EventQuery

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json, not {fmt!r}")
    if event_type and event_type.upper() not in PLOVER_TYPES:
        fail(f"--type {event_type!r} is not a PLOVER category ({', '.join(PLOVER_TYPES)})")
    query = EventQuery(country=country, event_type=event_type, since=_date_option(since, "--since"),
                       until=_date_option(until, "--until"), limit=None if contradictions else limit)
    with _open_store(db) as store:
        if update:
            store.update_incidents(window_days=window_days, radius_km=radius_km)
        found = [i for i in store.incidents(query, min_sources=min_sources) if i.contradiction or not contradictions]
    found = found[:limit] if limit else found
    if fmt == "json":
        write_json_array(found, sys.stdout)
        return
    _stdout_console().print(_incidents_table(found))


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


@app.command()
def serve(
    db: Optional[str] = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 exposes it to the network)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    token: Optional[str] = typer.Option(None, "--token", envvar="STRIFE_TOKEN",
                                        help="Allow POST /api/articles with 'Authorization: Bearer TOKEN' (off without)."),
    lock_reads: bool = typer.Option(False, "--lock-reads", help="Reads under /api/ need the token too."),
    cors: Optional[List[str]] = typer.Option(None, "--cors", help="Origin allowed to call the API from a browser (repeatable)."),
    max_body_mb: float = typer.Option(10.0, "--max-body-mb", min=0.001, help="Largest request body accepted."),
    model: Optional[str] = ModelOption,
    access_log: bool = typer.Option(False, "--access-log", help="Log every request on stderr."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes (2 uses two cores; each has its own cache)."),
    threads: Optional[int] = typer.Option(None, "--threads", min=1, max=256,
                                          help="Requests reading the database at once per process (default: its pool size, 5)."),
) -> None:
    """Serve the HTTP API (/api/, spec at /openapi.json) and the web page (/) over the database."""
    from strife.api import create_app, run_server
    from strife.store import describe_error

    options = {"db": db, "token": token, "lock_reads": lock_reads, "max_body_bytes": int(max_body_mb * 1_000_000),
               "cors_origins": cors or [], "model": model, "threads": threads}
    try:
        web = create_app(**options)
    except ValueError as error:
        fail(str(error))
    except Exception as error:  # noqa: BLE001 - any database failure is a usage problem here
        fail(f"cannot open database {display_url(db or 'strife.db')}: {describe_error(error)}")
    url = display_url(web.state.store.url)
    writes = "writes need the token" if token else "writes off (no --token)"
    reads = "reads need the token" if lock_reads else "reads open"
    err.print(f"strife: serving {url} at http://{host}:{port}/ ({writes}; {reads})", markup=False, soft_wrap=True)
    if host not in ("127.0.0.1", "localhost", "::1") and not lock_reads:
        err.print(f"strife: warning: {host} is reachable from other machines and reads are open", markup=False)
    run_server(web, options, host=host, port=port, workers=workers, access_log=access_log)


@app.command("geocode")
def geocode_command(
    text: Optional[str] = typer.Argument(None, help="Text to find places in ('-' reads standard input)."),
    explain: bool = typer.Option(False, "--explain", help="Show the readings weighed for each toponym, with scores."),
    reverse: Optional[str] = typer.Option(None, "--reverse", help="LAT,LON: the nearest town, its region and country."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Focus countries, ISO3, comma-separated (default: from the text)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    model: Optional[str] = ModelOption,
) -> None:
    """Show what the geocoder reads in a text (places, regions, countries), or the place at a coordinate."""
    from strife.extract.places import geocode_text
    from strife.resolve.geocode import Gazetteer

    if reverse is not None:
        _print_reverse(Gazetteer.default(), _coordinate(reverse), as_json)
        return
    if text is None:
        fail("geocode: give a TEXT to read (or '-' for standard input), or --reverse LAT,LON")
    if text == "-":
        text = sys.stdin.read()
    focus_countries = [c.strip().upper() for c in focus.split(",") if c.strip()] if focus else None
    try:
        found = geocode_text(text, focus_countries=focus_countries, nlp=_geocode_nlp(model))
    except ValueError as error:
        fail(str(error))
    if as_json:
        typer.echo(json.dumps([t.to_dict(explain=explain) for t in found], ensure_ascii=False, indent=2))
        return
    out = _stdout_console()
    table = Table("written", "place", "admin1", "country", "lat", "lon", "prec", "conf", "note")
    for t in found:
        p = t.place
        note = "not a location" if t.not_a_location else (f"placed at qualifier {t.qualified_by}" if t.qualified_by else "")
        table.add_row(t.written, p.name, p.admin1 or "", p.country or "", f"{p.lat:.4f}", f"{p.lon:.4f}",
                      str(p.geo_precision), f"{p.confidence:.2f}", note)
    out.print(table)
    if explain:
        for t in found:
            out.print(f"\n{t.written}  (focus: {', '.join(t.focus_countries) or 'none'})", markup=False)
            for c, score in t.candidates[:10]:
                out.print(f"  {score:7.2f}  {c.name} [{c.kind}] {c.admin1 or ''} {c.country or ''} pop {c.population:,}",
                          markup=False)


def _geocode_nlp(model: Optional[str]):
    from strife.pipeline import load_pipeline

    try:
        return load_pipeline(model, stages=())
    except ValueError as error:
        fail(str(error))


def _coordinate(value: str) -> tuple[float, float]:
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError:
        fail(f"--reverse {value!r}: expected LAT,LON in decimal degrees, e.g. 36.2,37.16")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        fail(f"--reverse {value!r}: latitude must be within ±90 and longitude within ±180")
    return lat, lon


def _print_reverse(gazetteer, point: tuple[float, float], as_json: bool) -> None:
    from strife.resolve.geocode import haversine_km

    nearest = gazetteer.reverse(*point)
    if nearest is None:
        fail(f"--reverse {point[0]},{point[1]}: no town in the gazetteer within 900 km", EXIT_REJECTED)
    distance = round(haversine_km(point[0], point[1], nearest.lat, nearest.lon), 1)
    if as_json:
        typer.echo(json.dumps({"name": nearest.name, "admin1": nearest.admin1, "country": nearest.country,
                               "lat": nearest.lat, "lon": nearest.lon, "geonames_id": nearest.geonames_id,
                               "distance_km": distance}, ensure_ascii=False))
        return
    typer.echo(f"{nearest.name}, {nearest.admin1 or '-'}, {nearest.country or '-'} ({distance} km away)")


@app.command("train")
def train_command(
    gold: Optional[List[str]] = typer.Option(None, "--gold", help="Hand-coded records: ACLED CSV export, PLOVER GSR or strife JSON (repeat for several files of one format)."),
    gold_format: Optional[str] = typer.Option(None, "--format", "-f", help="acled, ucdp, plover-gsr or strife."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Model directory to write (weights, meta.json, report)."),
    seed: int = typer.Option(0, "--seed", help="Seed of folds, subsets and solvers: same seed, same model."),
    folds: int = typer.Option(5, "--folds", min=2, help="Cross-validation folds of the report."),
    target: Optional[str] = typer.Option(None, "--target", help="acled or plover (default: what the format codes)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N gold rows."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also cross-validate the TF-IDF + LR baseline."),
    suggest_n: Optional[int] = typer.Option(None, "--suggest", min=1, help="List the N pool articles the model is least sure about."),
    pool: Optional[List[str]] = typer.Option(None, "--pool", help="Uncoded articles for --suggest (txt, jsonl, csv, folders...)."),
    model_dir: Optional[str] = typer.Option(None, "--model-dir", help="With --suggest and no --gold: rank the pool with this model."),
    as_json: bool = typer.Option(False, "--json", help="Print the report (and suggestions) as JSON."),
    model: Optional[str] = ModelOption,
) -> None:
    """Learn event coding from your coded records: a typer that `--model-dir` applies.

    Cross-validates the trained model against the rule coder and a TF-IDF + logistic-regression
    baseline (95% CIs), draws a learning curve, and writes MODEL_DIR with report.json/report.html.
    `--suggest N --pool FILE` lists the N uncoded articles worth coding next.
    """
    from strife.evaluate import FORMATS, GoldFormatError
    from strife.learn.features import TARGETS

    if (suggest_n is None) != (not pool):
        fail("--suggest N and --pool FILE go together")
    if target and target not in TARGETS:
        fail(f"--target must be {' or '.join(TARGETS)}, not {target!r}")
    trained = None
    if gold or not model_dir:
        if not gold or not gold_format or not output:
            fail("strife train needs --gold FILE --format FORMAT -o MODEL_DIR (or --model-dir DIR --suggest N --pool FILE)")
        if gold_format not in FORMATS:
            fail(f"--format must be one of {', '.join(FORMATS)}, not {gold_format!r}")
        from strife.learn import train

        try:
            trained = train(gold, gold_format, output, target=target, seed=seed, folds=folds, limit=limit,
                            baseline=baseline, engine=_engine(model),
                            progress=None if as_json else lambda message: err.print(f"strife: {message}"))
        except (GoldFormatError, ValueError) as error:
            fail(str(error))
    payload: dict = {}
    if trained is not None:
        payload = {"model_dir": str(trained.directory), **{k: trained.report[k] for k in ("records", "cv", "learning_curve", "held_back", "seconds") if k in trained.report}}
    suggestions = _suggestions(trained.model if trained else None, model_dir, suggest_n, pool, model) if suggest_n else None
    if as_json:
        if suggestions is not None:
            payload["suggestions"] = [s.as_dict() for s in suggestions]
        typer.echo(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        if trained is not None:
            _print_training(trained)
        if suggestions is not None:
            _print_suggestions(suggestions)
    raise typer.Exit(EXIT_OK)


def _suggestions(trained, model_dir: Optional[str], n: int, pool: List[str], model: Optional[str]):
    from strife.learn import suggest
    from strife.learn.model import ModelDirError, load_model

    try:
        typer_model = trained or load_model(model_dir)
    except ModelDirError as error:
        fail(f"--model-dir: {error}")
    found, problems = suggest(typer_model, read_inputs(pool), n, engine=_engine(model))
    for problem in problems:
        _report(problem)
    return found


def _print_training(trained) -> None:
    report = trained.report
    table = Table(title=f"{report['records']} records, {report['folds']}-fold CV (95% CI): model in {trained.directory}",
                  title_justify="left")
    for name in ("coder", "event type", "sub-event type"):
        table.add_column(name, justify="left" if name == "coder" else "right")
    for name, found in report["cv"].items():
        cells = [f"{e['value']:.3f} [{e['low']:.3f}, {e['high']:.3f}]" if (e := found.get(level)) else "–"
                 for level in ("type", "sub_type")]
        table.add_row(name, *cells)
    _stdout_console().print(table)
    typer.echo(f"report: {trained.directory}/report.html; seconds: {report['seconds']}")


def _print_suggestions(suggestions) -> None:
    table = Table(title="Code these next (least certain first)", title_justify="left")
    for name in ("article", "model says", "p", "margin", "text"):
        table.add_column(name, justify="right" if name in ("p", "margin") else "left")
    for item in suggestions:
        label = f"{item.label} / {item.sub_label}" if item.sub_label else item.label
        table.add_row(item.origin, label, f"{item.probability:.2f}", f"{item.margin:.2f}", item.snippet)
    _stdout_console().print(table)


def main() -> None:
    app()
