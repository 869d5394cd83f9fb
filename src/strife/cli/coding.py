"""The commands that code articles: `extract` (print, store nothing), `ingest` and `watch` (store).

`ingest` and `watch` are shells over `strife.intake`: `code_and_store` codes, stores and updates the
incidents, the same path `POST /api/articles` takes; here are only the options, the counts and
what is printed.
"""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING, Iterable, Iterator, List, Optional

import typer

from strife.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    CodingOptions,
    DbOption,
    MinConfidenceOption,
    ModelOption,
    display_url,
    events_table,
    fail,
    local_engine,
    open_store,
    progress_bar,
    report_problem,
    shared_options,
    stdout_console,
)
from strife.engine import Coded, estimate_articles
from strife.ingest import InputProblem, ReadOptions, Skipped, read_inputs

if TYPE_CHECKING:
    from strife.intake import Ingested


@shared_options(CodingOptions)
def extract(
    coding: CodingOptions,
    fmt: str = typer.Option("json", "--format", "-f", help="json, jsonl or table."),
    min_confidence: Optional[float] = MinConfidenceOption,
    explain: bool = typer.Option(False, "--explain", help="Also say, on stderr, why each event has its date and its "
                                                           "actors, and what a --model-dir model changed."),
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
                report_problem(outcome)
                rejected["any"] |= outcome.fatal
                if fmt == "jsonl" and outcome.fatal:
                    typer.echo(json.dumps({"origin": outcome.origin, "error": outcome.message}))
                continue
            outcome.result.events = confident(outcome.result.events, min_confidence)
            if explain:
                _explain_dates(outcome.result)
            yield outcome

    with engine:
        {"json": _print_json, "jsonl": _print_jsonl, "table": _print_tables}[fmt](coded())
    raise typer.Exit(EXIT_REJECTED if rejected["any"] else EXIT_OK)


def _explain_dates(result) -> None:
    """One line per event on stderr: its id, type, date and why it has that date; then one
    indented line per actor saying why it has its role (`strife.extract.role_reasons`)."""
    from strife.extract.dates import explain_date
    from strife.extract.role_reasons import explain_roles

    for event in result.events:
        typer.echo(f"{event.id} {event.event_type} {event.date or 'undated'} ({event.date_precision}): "
                   f"{explain_date(event, result.dates)}", err=True)
        for line in [*explain_roles(event), *explain_model(event)]:
            typer.echo(f"    {line}", err=True)


def explain_model(event) -> list[str]:
    """What a model (the built-in typer, or a `--model-dir` one) did to the event, so no change it made goes unsaid."""
    if event.origin == "model":
        said = f"proposed by the model ({event.acled_event_type}, confidence {event.confidence:.2f}): the rules found no event here"
        return [said]
    veto = event.vetoed
    if veto is None:
        return []
    rules = veto.acled_event_type + (f" / {veto.acled_sub_event_type}" if veto.acled_sub_event_type else "")
    return [f"vetoed by the model (no event at {veto.no_event:.2f}): the rules' ACLED type {rules} taken off"]


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
    out = stdout_console()
    for item in items:
        meta = item.result.article
        out.print(events_table(item.result.events, title=f"{meta.title or meta.id} ({meta.published or 'no date'})"))


@shared_options(CodingOptions)
def ingest(
    coding: CodingOptions,
    db: Optional[str] = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    recode: bool = typer.Option(False, "--recode", help="Code stored articles again (a new strife or model) "
                                                        "and replace their events; else they are skipped uncoded."),
) -> None:
    """Code articles and store them; an article already stored (same text) is found by its hash
    and neither coded nor stored again (--recode codes it again and replaces its events).

    --engine dask codes on worker processes (a local cluster of --workers, or the cluster of
    --scheduler) and stores here as results stream back, in input order.
    """
    import dataclasses
    from contextlib import closing

    from sqlalchemy.exc import DBAPIError

    from strife.intake import code_and_store
    from strife.store import describe_error

    options = coding.read_options()
    store = open_store(db)  # an unusable database is reported before the model loads
    engine = coding.engine()
    summary = {"articles": 0, "stored": 0, "already_stored": 0, "recoded": 0, "events": 0, "undated": 0,
               "rejected": 0, "warnings": 0, "skipped": {}}
    started = time.perf_counter()
    with store, engine, progress_bar() as progress:
        task = progress.add_task("coding", total=estimate_articles(coding.paths) if progress.live.is_started else None)
        unidentified = read_inputs(coding.paths, options=dataclasses.replace(options, language=None))
        with closing(code_and_store(store, engine, unidentified, recode=recode, language=options.language)) as ingested:
            try:
                for item in ingested:
                    _tally(item, summary)
                    progress.update(task, advance=1)
            except DBAPIError as error:  # the database went away for longer than strife waits, or failed
                fail(f"database {display_url(store.url)} failed: {describe_error(error)}; what was stored so far is kept, "
                     f"run the same command again to store the rest (stored articles are skipped)", EXIT_REJECTED)
    summary["seconds"] = round(time.perf_counter() - started, 2)
    summary["articles_per_second"] = round(summary["articles"] / summary["seconds"], 2) if summary["seconds"] else None
    summary["engine"] = coding.engine_kind
    _print_summary(summary, display_url(store.url), as_json)
    raise typer.Exit(EXIT_REJECTED if summary["rejected"] else EXIT_OK)


def _tally(item: Ingested, summary: dict) -> None:
    """Count what became of one input, reporting its problem (a rejection, a warning, a skip, or the
    database refusing the article); a skipped article is counted by language."""
    from strife.intake import Known

    if item.problem is not None:
        report_problem(item.problem)
    outcome = item.outcome
    if isinstance(outcome, Known):  # found stored by its hash: not coded
        summary["articles"] += 1
        summary["already_stored"] += 1
    elif isinstance(outcome, Skipped):
        skipped = summary.setdefault("skipped", {})
        skipped[outcome.language or outcome.reason] = skipped.get(outcome.language or outcome.reason, 0) + 1
    elif isinstance(outcome, InputProblem):
        summary["rejected" if outcome.fatal else "warnings"] += 1
    elif item.stored.error:
        summary["articles"] += 1
        summary["rejected"] += 1
    else:
        done = item.stored
        summary["articles"] += 1
        summary["stored" if done.stored else "recoded" if done.recoded else "already_stored"] += 1
        summary["events"] += done.n_events if done.stored or done.recoded else 0
        if done.stored or done.recoded:
            summary["undated"] += _undated(outcome)


def _undated(outcome) -> int:
    """Events that happened and still have no date: the text names none and no publication date is known."""
    result = getattr(outcome, "result", None)
    return sum(1 for e in result.events if e.date is None and not (e.negated or e.hypothetical)) if result else 0


def _print_summary(summary: dict, url: str, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({**summary, "db": url}))
        return
    typer.echo(
        f"{summary['articles']} articles read: {summary['stored']} stored"
        + (f", {summary['recoded']} recoded" if summary["recoded"] else "")
        + f" with {summary['events']} events"
        + (f" ({summary['undated']} undated: no date in the text and no publication date)" if summary["undated"] else "")
        + f", {summary['already_stored']} already stored (not coded again); "
        f"{summary['rejected']} rejected; "
        + (f"{sum(summary['skipped'].values())} skipped as not English "
           f"({', '.join(f'{k}: {n}' for k, n in sorted(summary['skipped'].items()))}); " if summary.get("skipped") else "")
        + f"{summary['seconds']} s"
        + (f" ({summary['articles_per_second']} articles/s)" if summary.get("articles_per_second") else "")
        + f" -> {url}"
    )


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
    store = open_store(db)
    engine = local_engine(model)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def show(poll) -> None:
        for problem in poll.problems:
            report_problem(problem)
        if as_json:
            typer.echo(json.dumps(poll.as_dict()))
        else:
            typer.echo(f"{poll.feed}: {poll.entries} entries, {poll.new} new: {poll.stored} stored with "
                       f"{poll.events} events, {poll.skipped} skipped (language), {poll.rejected} rejected")

    with store:
        try:
            watch_feeds(store, engine, feeds, seconds, once=once, options=options, on_report=show, stop=stop)
        except KeyboardInterrupt:
            stop.set()
    raise typer.Exit(EXIT_OK)


