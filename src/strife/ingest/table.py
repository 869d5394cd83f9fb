"""CSV and TSV exports of articles, one article per row, fields found through a column mapping."""

from __future__ import annotations

import csv
import io
import sys
from typing import IO, Iterator

from strife.ingest.base import DEFAULT_COLUMNS, InputProblem, ReadOptions, ReadResult
from strife.ingest.text import record_article

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is one (long) cell


def read_csv(stream: IO[bytes], origin: str, options: ReadOptions, name: str = "") -> Iterator[ReadResult]:
    """Rows as articles, streamed; a missing named column rejects the file with the columns it has."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    first = text.readline()
    delimiter = "\t" if name.lower().removesuffix(".gz").endswith(".tsv") or first.count("\t") > first.count(",") else ","
    reader = csv.DictReader(_chain(first, text), delimiter=delimiter)
    header = reader.fieldnames or []
    problem = _header_problem(header, options)
    if problem:
        yield InputProblem(origin, problem)
        return
    for row in reader:
        record = {key: value for key, value in row.items() if key is not None}
        yield from record_article(record, f"{origin}:{reader.line_num}", str(reader.line_num), options.published, options.columns)


def _chain(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest


def _header_problem(header: list[str], options: ReadOptions) -> str | None:
    if not header:
        return "empty CSV file (no header row)"
    columns = ", ".join(header)
    for field_name, column in options.columns.explicit().items():
        if column not in header:
            return f"no column {column!r} (named for {field_name}); the file's columns are: {columns}"
    if not any(candidate in header for candidate in options.columns.candidates("text")):
        looked = ", ".join(DEFAULT_COLUMNS["text"])
        return f"no article text column (looked for {looked}); name it with --text-column; the file's columns are: {columns}"
    return None
