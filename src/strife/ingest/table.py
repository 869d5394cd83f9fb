"""CSV and TSV exports of articles, one article per row, fields found through a column mapping.

Rows are read in bounded memory (`BoundedRows`): a row too long to hold an article of `--max-chars`
(a 100 MB cell) is skipped in pieces and rejected with its line number; the rows after it are read.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from typing import IO, Iterator, Optional

from strife.ingest.base import DEFAULT_COLUMNS, InputProblem, ReadOptions, ReadResult
from strife.ingest.bounded import CHUNK, CSV_CHARS_PER_CHAR, TooLong, record_limit
from strife.ingest.text import record_article

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is one (long) cell; `BoundedRows` bounds the row
_LINE_END = re.compile(r"[\r\n]")  # a line ends at \n, \r or \r\n (the file is read with newline="")


class BoundedRows:
    """The lines of a CSV text stream for `csv.reader`, no row longer than `limit` characters.

    A physical line is read at most `limit` + 1 characters at a time. A row past the limit is
    dropped: the rest of it is read on in pieces of `CHUNK` characters whatever its lines (a cell
    of millions of short lines would take seconds line by line), following its quotes so that a
    quoted cell over many lines is dropped whole; what follows the row in the last piece is kept
    for the next lines. The reader is handed what ends the row; `dropped` then tells the caller
    that the row it gets is that rejected one. `lines` counts physical lines, for messages.
    """

    def __init__(self, text: IO[str], limit: int, max_chars: int):
        self.text, self.limit, self.max_chars = text, limit, max_chars
        self.lines = 0
        self.row_start = 1  # the physical line the current row began on
        self.dropped = False
        self.at_row_start = True  # set by the caller each time the reader returned a row
        self._row_chars = 0
        self._row_quotes = 0
        self._carry = ""  # read past a dropped row: the start of the rows after it

    def __iter__(self) -> Iterator[str]:
        while True:
            line = self._readline(self.limit + 1)
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
        ends = _line_ends(line)
        while not (ended and self._row_quotes % 2 == 0):
            piece = self._piece()
            if not piece:
                break
            end = _row_end(piece, inside=self._row_quotes % 2 == 1)
            if end is not None:
                piece, self._carry = piece[:end], piece[end:] + self._carry
            ended = end is not None or piece.endswith(("\n", "\r"))
            self._row_quotes += piece.count('"')
            ends += _line_ends(piece)
        self.lines += ends + (not ended)  # every line the row touched, the last one perhaps cut off
        self.dropped = True
        return '"\n' if inside_quotes_before else "\n"  # close a quoted cell the reader holds open

    def _piece(self) -> str:
        """What was kept and the next `CHUNK` characters, never ending between \r and \n."""
        piece, self._carry = self._carry + self.text.read(CHUNK), ""
        if piece.endswith("\r"):
            after = self.text.read(1)
            if after == "\n":
                piece += after
            else:  # the \r ends a line by itself
                self._carry = after
        return piece

    def _readline(self, size: int) -> str:
        """A physical line of at most `size` characters, from what was kept first."""
        if not self._carry:
            return self.text.readline(size)
        found = _LINE_END.search(self._carry, 0, size)
        if found:
            end = min(found.end() + self._carry.startswith("\r\n", found.start()), size)  # as readline(size) cuts
        elif len(self._carry) >= size:
            end = size
        else:
            line, self._carry = self._carry + self.text.readline(size - len(self._carry)), ""
            return line
        line, self._carry = self._carry[:end], self._carry[end:]
        if line.endswith("\r") and not self._carry and end < size:  # a \n may follow in the stream
            after = self.text.read(1)
            line, self._carry = (line + after, "") if after == "\n" else (line, after)
        return line


def _line_ends(text: str) -> int:
    """How many lines end in `text` (\r\n ends one)."""
    returns = text.count("\r")
    return text.count("\n") + (returns - text.count("\r\n") if returns else 0)


def _row_end(piece: str, inside: bool) -> int | None:
    """Where the first line end outside quotes ends in `piece` (None when there is none), found
    with splits and joins in C, not a step per character or per line: the parts between quotes
    alternate inside and outside, the first one inside when `inside`."""
    if (inside and '"' not in piece) or ("\n" not in piece and "\r" not in piece):
        return None  # still inside a quoted cell, or no line end at all: the common long cells
    parts = piece.split('"')
    first = 1 if inside else 0
    outside = '"'.join(parts[first::2])  # no outside part holds a quote: '"' separates them here
    found = _LINE_END.search(outside)
    if not found:
        return None
    k = outside.count('"', 0, found.start())  # the outside part holding it
    before = len('"'.join(parts[:first + 2 * k])) + (first + 2 * k > 0)  # where that part starts in `piece`
    at = before + found.start() - (outside.rfind('"', 0, found.start()) + 1)
    return at + 1 + piece.startswith("\r\n", at)


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
