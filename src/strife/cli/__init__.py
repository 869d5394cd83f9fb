"""The `strife` command: a thin shell over the library (`strife.engine`, `strife.intake`, `strife.store`, ...).

Exit codes mean something: 0 all inputs coded, 1 some inputs were rejected (each named on
stderr, the rest processed), 2 a usage error (bad option, missing model, unreadable database).

The commands live by concern: `coding` (extract, ingest, watch), `reading` (events, articles, actors,
network, incidents, export, schema), `database` (the `db` group), `tools` (serve, geocode, train,
eval), `doctor`; what they share is in `common`. The table below registers them, in the order --help lists.
"""

from __future__ import annotations

import typer

from strife.version import __version__
from strife.cli import coding, database, doctor, reading, tools
from strife.cli.common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, fail

app = typer.Typer(
    name="strife",
    help="Code conflict and political news into event data (PLOVER, CAMEO, ACLED) with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Look after the database: schema upgrades, integrity checks, incidents.", no_args_is_help=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"strife {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """strife: conflict and political news in, auditable event data out."""


app.command()(coding.extract)
app.command()(coding.ingest)
app.command()(reading.events)
app.command()(reading.articles)
app.command()(reading.actors)
app.command()(reading.network)
app.command()(reading.schema)
app.command("eval")(tools.eval_command)
app.command("export")(reading.export_command)
app.command()(coding.watch)
app.add_typer(db_app, name="db")
db_app.command("upgrade")(database.db_upgrade)
db_app.command("check")(database.db_check)
db_app.command("incidents")(database.db_incidents)
app.command()(reading.incidents)
app.command()(tools.serve)
app.command("geocode")(tools.geocode_command)
app.command("train")(tools.train_command)
app.command("doctor")(doctor.doctor_command)


def main() -> None:
    app()


__all__ = ["EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "app", "db_app", "fail", "main"]
