"""`strife doctor`: checks this install part by part (`strife.doctor`) and prints one line per check."""

from __future__ import annotations

import json
from typing import Optional

import typer

from strife.cli.common import DbOption, ModelOption


def doctor_command(
    db: Optional[str] = DbOption,
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="A Dask scheduler to check (tcp://HOST:PORT)."),
    build_index: bool = typer.Option(False, "--build-index", help="Build the gazetteer index and fit the built-in typer if either is missing or stale."),
    as_json: bool = typer.Option(False, "--json", help="Print the checks as a JSON array (name, status, detail, fix)."),
    model: Optional[str] = ModelOption,
) -> None:
    """Check the install: spaCy pipeline, readers, data files, gazetteer index, web page, extras, and --db / --scheduler.

    One line per check (ok, warn, fail, info) with what to do. Exit 1 when something a command needs
    is broken, else 0.
    """
    from strife.doctor import exit_code, report_text, run_checks

    checks = run_checks(db=db, scheduler=scheduler, model=model, build_index=build_index)
    if as_json:
        typer.echo(json.dumps([check.as_dict() for check in checks], ensure_ascii=False))
    else:
        typer.echo(report_text(checks), nl=False)
    raise typer.Exit(exit_code(checks))
