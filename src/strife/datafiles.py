"""Read strife's data tables: CSV files whose '#' lines document them.

Every dictionary, pattern list and mapping strife uses is a CSV file a user can read and extend;
one reader keeps their conventions the same everywhere: lines starting with '#' are comments (so
each file explains its own columns), blank lines are skipped, and values are stripped.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path
from typing import Union


def parse_table(text: str) -> list[dict[str, str]]:
    """Rows of CSV text, without comment and blank lines, values stripped."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(lines)]


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Rows of a table shipped in `strife/data/`."""
    return parse_table(resources.files("strife").joinpath("data", name).read_text(encoding="utf-8"))


def read_data_sets(name: str, set_column: str, member_column: str) -> dict[str, frozenset[str]]:
    """A shipped table of named sets, one member a row, as set name -> members ('remote_modes' ->
    {'aerial', ...}): the shape of the small classification tables the coders ask membership of."""
    sets: dict[str, set[str]] = {}
    for row in read_data_csv(name):
        sets.setdefault(row[set_column], set()).add(row[member_column])
    return {key: frozenset(members) for key, members in sets.items()}


def read_csv_file(path: Union[str, Path]) -> list[dict[str, str]]:
    """Rows of a user's table (same conventions as the shipped ones)."""
    return parse_table(Path(path).read_text(encoding="utf-8"))
