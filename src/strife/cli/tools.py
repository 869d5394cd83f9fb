"""The other commands: `serve` (the HTTP API and web page), `geocode`, `train` and `eval`."""

from __future__ import annotations

import json
import sys
from typing import List, Optional

import typer
from rich.table import Table

from strife.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    ConventionsOption,
    DbOption,
    ModelDirOption,
    RulesOnlyOption,
    ModelOption,
    display_url,
    err,
    fail,
    local_engine,
    progress_bar,
    report_problem,
    stdout_console,
)
from strife.ingest import read_inputs


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
    conventions: Optional[bool] = ConventionsOption,
    model: Optional[str] = ModelOption,
    model_dir: Optional[str] = ModelDirOption,
    rules_only: bool = RulesOnlyOption,
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
        gold_file = read_gold(gold, gold_format, text_path=text, published_from=published_from, limit=limit,
                              conventions=conventions)
    except GoldFormatError as error:
        fail(str(error))
    cases = select_half(gold_file.cases, half)
    engine = local_engine(model, model_dir, rules_only)
    with progress_bar() as progress:
        task = progress.add_task("coding gold", total=len(cases))
        evaluation = evaluate_cases(cases, engine, fmt=gold_format, gold_path=gold, seed=seed,
                                    progress=lambda done: progress.update(task, completed=done))
    evaluation.problems[:0] = gold_file.problems
    evaluation.half = half
    for problem in evaluation.problems:
        report_problem(problem)
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
        stdout_console().print(table)
        if evaluation.not_events:
            typer.echo(f"not_events coded as having happened: {sum(o.hit is not None for o in evaluation.not_events)} "
                       f"of {len(evaluation.not_events)}")
        if report:
            typer.echo(f"report: {report}/eval.html, {report}/eval.json")
    raise typer.Exit(EXIT_REJECTED if evaluation.problems else EXIT_OK)


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


def geocode_command(
    text: Optional[str] = typer.Argument(None, help="Text to find places in ('-' reads standard input)."),
    explain: bool = typer.Option(False, "--explain", help="Show the readings weighed for each toponym, with scores."),
    reverse: Optional[str] = typer.Option(None, "--reverse", help="LAT,LON: the nearest town, its region and country."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Focus countries, ISO3, comma-separated (default: from the text)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    model: Optional[str] = ModelOption,
) -> None:
    """Show what the geocoder reads in a text (places, regions, countries), or the place at a coordinate."""
    from strife.pipeline import geocode_text
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
    out = stdout_console()
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
            if t.reason:
                out.print(f"  {t.reason}", markup=False)
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
                            baseline=baseline, engine=local_engine(model, rules_only=True),
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
    found, problems = suggest(typer_model, read_inputs(pool), n, engine=local_engine(model, rules_only=True))
    for problem in problems:
        report_problem(problem)
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
    stdout_console().print(table)
    typer.echo(f"report: {trained.directory}/report.html; seconds: {report['seconds']}")


def _print_suggestions(suggestions) -> None:
    table = Table(title="Code these next (least certain first)", title_justify="left")
    for name in ("article", "model says", "p", "margin", "text"):
        table.add_column(name, justify="right" if name in ("p", "margin") else "left")
    for item in suggestions:
        label = f"{item.label} / {item.sub_label}" if item.sub_label else item.label
        table.add_row(item.origin, label, f"{item.probability:.2f}", f"{item.margin:.2f}", item.snippet)
    stdout_console().print(table)


