"""`strife db`: look after the database (schema upgrades, integrity checks, placing events into incidents)."""

from __future__ import annotations

import json
from typing import Optional

import typer

from strife.cli.common import EXIT_OK, EXIT_REJECTED, DbOption, fail, open_store


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


def db_check(
    db: Optional[str] = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print the problems as a JSON list."),
) -> None:
    """Check integrity (SQLite integrity_check, foreign keys, whole articles, evidence offsets); exit 1 on a problem."""
    with open_store(db) as store:
        problems = store.check()
    if as_json:
        typer.echo(json.dumps(problems))
    else:
        for problem in problems:
            typer.echo(f"strife: problem: {problem}", err=True)
        if not problems:
            typer.echo("ok: no problems found")
    raise typer.Exit(EXIT_REJECTED if problems else EXIT_OK)


def db_incidents(
    db: Optional[str] = DbOption,
    window_days: int = typer.Option(2, "--window-days", min=0, help="Reports this many days apart may be one incident."),
    radius_km: float = typer.Option(50.0, "--radius-km", min=0.0, help="Reports this far apart may be one incident."),
    as_json: bool = typer.Option(False, "--json", help="Print the outcome as JSON."),
) -> None:
    """Place stored events not yet in an incident (storing does it; a database from an older strife needs this once).

    Placing is incremental and never reshuffles: --window-days and --radius-km apply to the events
    placed now, and incidents already formed keep their members and ids.
    """
    with open_store(db) as store:
        placed = store.update_incidents(window_days=window_days, radius_km=radius_km)
    if as_json:
        typer.echo(json.dumps({"placed": placed}))
    else:
        typer.echo(f"{placed} events placed into incidents")
