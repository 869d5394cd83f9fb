"""CSV and TSV exports of articles, one article per row, fields found through a column mapping.

Rows are read in bounded memory (`BoundedRows`): a row too long to hold an article of `--max-chars`
(a 100 MB cell) is skipped in pieces and rejected with its line number; the rows after it are read.
"""

from __future__ import annotations

import csv
import io
import sys
from typing import IO, Iterator, Optional

from strife.ingest.base import DEFAULT_COLUMNS, InputProblem, ReadOptions, ReadResult
from strife.ingest.bounded import CHUNK, CSV_CHARS_PER_CHAR, TooLong, record_limit
from strife.ingest.text import record_article

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is one (long) cell; `BoundedRows` bounds the row


class BoundedRows:
    """The lines of a CSV text stream for `csv.reader`, no row longer than `limit` characters.

    A physical line is read at most `limit` + 1 characters at a time. A row past the limit is
    dropped: the rest of it is read on in pieces (following its quotes, so a quoted cell over many
    lines is dropped whole) and the reader is handed what ends the row; `dropped` then tells the
    caller that the row it gets is that rejected one. `lines` counts physical lines, for messages.
    """

    def __init__(self, text: IO[str], limit: int, max_chars: int):
        self.text, self.limit, self.max_chars = text, limit, max_chars
        self.lines = 0
        self.row_start = 1  # the physical line the current row began on
        self.dropped = False
        self.at_row_start = True  # set by the caller each time the reader returned a row
        self._row_chars = 0
        self._row_quotes = 0

    def __iter__(self) -> Iterator[str]:
        while True:
            line = self.text.readline(self.limit + 1)
            if not line:
                return
            if self.at_row_start:
                self._row_chars, self._row_quotes, self.at_row_start = 0, 0, False
                self.row_start = self.lines + 1
            self._row_chars += len(line)
            self._row_quotes += line.count('"')
            if self._row_chars <= self.limit:
                self.lines += 1
                yield line
                continue
            yield self._drop_row(line)

    def _drop_row(self, line: str) -> str:
        """Read the rest of an over-long row without holding it; what ends the row for the reader."""
        inside_quotes_before = (self._row_quotes - line.count('"')) % 2 == 1
        ended = line.endswith(("\n", "\r"))
        self.lines += 1
        while not (ended and self._row_quotes % 2 == 0):
            line = self.text.readline(CHUNK)
            if not line:
                break
            self.lines += ended  # the piece before ended a physical line
            ended = line.endswith(("\n", "\r"))
            self._row_quotes += line.count('"')
        self.dropped = True
        return '"\n' if inside_quotes_before else "\n"  # close a quoted cell the reader holds open


def read_csv(stream: IO[bytes], origin: str, options: ReadOptions, name: str = "") -> Iterator[ReadResult]:
    """Rows as articles, streamed; a missing named column rejects the file with the columns it has."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    rows = BoundedRows(text, record_limit(options.max_chars, CSV_CHARS_PER_CHAR), options.max_chars)
    lines = iter(rows)
    first = next(lines, "")
    if rows.dropped:
        yield InputProblem(origin, str(TooLong("header row", rows.limit, max_chars=rows.max_chars)), stage="limit")
        return
    delimiter = "\t" if name.lower().removesuffix(".gz").endswith(".tsv") or first.count("\t") > first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    problem = _header_problem(header, options)
    if problem:
        yield InputProblem(origin, problem)
        return
    rows.at_row_start = True
    for row in csv.reader(lines, delimiter=delimiter):
        rows.at_row_start = True
        problem = _row_problem(rows, origin)
        if problem or not row:
            yield from [problem] if problem else []
            continue
        record = {key: row[i] if i < len(row) else None for i, key in enumerate(header)}
        yield from record_article(record, f"{origin}:{rows.lines}", str(rows.lines), options.published, options.columns)


def _row_problem(rows: BoundedRows, origin: str) -> Optional[InputProblem]:
    if not rows.dropped:
        return None
    rows.dropped = False
    return InputProblem(f"{origin}:{rows.row_start}", str(TooLong("row", rows.limit, max_chars=rows.max_chars)),
                        stage="limit")


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
