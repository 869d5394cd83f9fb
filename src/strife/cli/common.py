"""What the `strife` commands share: exit codes, one-line failures, options, opening the engine and database.

Options used by several commands are defined once here (`CodingOptions` for the commands that code
articles, with `shared_options` handing them over as one object). The database (SQLAlchemy) and
the pipeline (spaCy) are imported only inside the helpers that open them, so `strife --help` and
`strife extract` start fast (bench/startup.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Callable, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.progress import TimeRemainingColumn
from rich.table import Table
from rich.text import Text
from typer.models import ArgumentInfo

from strife.engine import DEFAULT_MAX_CHARS, DEFAULT_MAX_SECONDS, ENGINES, LocalEngine, make_engine
from strife.ingest import FORMATS as INPUT_FORMATS
from strife.ingest import ColumnMap, InputProblem, ReadOptions, Skipped, parse_date

if TYPE_CHECKING:
    from strife.store import Store

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

err = Console(stderr=True, highlight=False)

ModelOption = typer.Option(None, "--model", envvar="STRIFE_MODEL", help="Installed spaCy pipeline to use.")
DbOption = typer.Option(None, "--db", envvar="STRIFE_DB", help="Database file or URL (default ./strife.db).")
PublishedOption = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for inputs that lack one.")
ConventionsOption = typer.Option(
    None, "--acled-conventions/--text-figures",
    help="ACLED tolls by ACLED's conventions (\"dozens\" 12, a total split over places or days) or as the text "
         "gives them (best, else low, else 0); default: the STRIFE_ACLED_CONVENTIONS switch, else conventions.")
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


def date_option(value: Optional[str], option: str) -> Optional[dt.date]:
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


def _actors_file(path: Optional[str]) -> Optional[str]:
    """A user's --actors file checked now (one-line usage error when unusable), as an absolute path
    the engine hands to its pipeline (here and in worker processes)."""
    if not path:
        return None
    import os

    from strife.resolve.actors import ActorDictionary

    path = os.path.abspath(path)
    try:
        ActorDictionary.with_user_file(path)
    except ValueError as error:
        fail(f"--actors: {error}")
    return path


def _model_dir(path: Optional[str], rules_only: bool = False) -> Optional[str]:
    """A --model-dir checked now (one-line usage error when unusable), as an absolute path; with
    --rules-only, `RULES_ONLY` (no typer at all); with neither, None (the built-in typer)."""
    if rules_only:
        if path:
            fail("--rules-only and --model-dir exclude each other: a model types what the rules found")
        from strife.pipeline import RULES_ONLY

        return RULES_ONLY
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
                              help="A model directory from `strife train`: it types the events found (roles, places, dates, counts stay), "
                                   "in place of the built-in typer.")
RulesOnlyOption = typer.Option(False, "--rules-only", help="Code with the rules alone, without the built-in typer that adds "
                               "the events they missed in short reports.")


def local_engine(model: Optional[str], model_dir: Optional[str] = None, rules_only: bool = False) -> LocalEngine:
    """A LocalEngine of --model, --model-dir and --rules-only (the commands that code in this process
    only); a usage error when it cannot load."""
    try:
        return LocalEngine(model=model, model_dir=_model_dir(model_dir, rules_only))
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


_error_log: List[IO[str]] = []  # the --errors file of this run, when one was named


def _log_errors_to(path: Optional[str]) -> None:
    """Have `report_problem` also write every rejected input to `path` as a JSON line, flushed as it
    happens (a run that is killed keeps what it reported); unwritable is a usage error."""
    if not path:
        return
    try:
        _error_log.append(open(path, "w", encoding="utf-8", buffering=1))  # noqa: SIM115 - open for the run
    except OSError as error:
        fail(f"--errors {path}: cannot write it: {error.strerror or error}")


def report_problem(problem: InputProblem) -> None:
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
    rules_only: bool = RulesOnlyOption

    def read_options(self) -> ReadOptions:
        """How to read the inputs, with --published and --input-format checked and the --errors
        file opened: usage errors all, reported before anything is loaded."""
        published = date_option(self.published, "--published")
        if self.input_format and self.input_format not in ("auto", *INPUT_FORMATS):
            fail(f"--input-format must be one of {', '.join(INPUT_FORMATS)}, not {self.input_format!r}")
        columns = ColumnMap(text=self.text_column, published=self.date_column, title=self.title_column,
                            id=self.id_column, url=self.url_column)
        _log_errors_to(self.errors)
        return ReadOptions(published=published, input_format=self.input_format, columns=columns, max_chars=self.max_chars)

    def engine(self):
        """The engine of --engine/--workers/--scheduler/--batch-size, the per-article limits and
        --actors, each checked first (the slow part, loading the model, comes last): a usage error
        when it cannot start."""
        actors = _actors_file(self.actors)
        if self.engine_kind not in ENGINES:
            fail(f"--engine must be {' or '.join(ENGINES)}, not {self.engine_kind!r}")
        if self.scheduler and self.engine_kind != "dask":
            fail("--scheduler needs --engine dask")
        try:
            return make_engine(self.engine_kind, model=self.model, batch_size=self.batch_size, workers=self.workers,
                               scheduler=self.scheduler, max_chars=self.max_chars, max_seconds=self.max_seconds or None,
                               model_dir=_model_dir(self.model_dir, self.rules_only), actors=actors)
        except ValueError as error:
            fail(str(error))
        raise AssertionError("unreachable")


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


def stdout_console() -> Console:
    """Tables on a terminal fit it; piped into a file or pager they keep full width instead of 80."""
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=200)


class _RateColumn(ProgressColumn):
    """Articles per second over the last half minute, as an analyst sizing a run wants to see it."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "- articles/s", style="progress.data.speed")


def progress_bar() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        _RateColumn(), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )


def open_store(db: Optional[str]) -> Store:
    """Open the database, any failure reported in one line (password masked)."""
    from strife.store import Store, describe_error

    try:
        return Store(db)
    except Exception as error:  # noqa: BLE001 - any database failure is a usage problem here
        fail(f"cannot open database {display_url(db or 'strife.db')}: {describe_error(error)}")
    raise AssertionError("unreachable")


def events_table(events, title: Optional[str] = None) -> Table:
    from strife.export import TABLE_HEADER, table_rows

    table = Table(title=title, title_justify="left", show_lines=False)
    for name in TABLE_HEADER:
        table.add_column(name, overflow="fold")
    for row in table_rows(events):
        table.add_row(*row)
    return table


