"""Plain text and JSON Lines: one article per text file, one per JSON line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from strife.ingest.base import (
    DEFAULT_MAX_CHARS,
    ColumnMap,
    InputProblem,
    ReadResult,
    decode,
    optional_str,
    parse_loose_date,
    reason,
    title_from_text,
)
from strife.ingest.bounded import JSON_CHARS_PER_CHAR, LongLine, TooLong, bounded_lines, read_text, record_limit
from strife.model import Article


def read_text_file(path: Path, published: Optional[dt.date] = None,
                   max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadResult]:
    from strife.ingest.base import date_from_name

    origin = str(path)
    try:
        with path.open("rb") as handle:
            yield from bounded_text_article(handle, origin, published or date_from_name(path.name), path.stem, max_chars)
    except OSError as err:
        yield InputProblem(origin, reason(err))


def read_text_stream(stream: IO[str], published: Optional[dt.date] = None,
                     max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadResult]:
    text = stream.read(max_chars + 1)
    if len(text) > max_chars:
        yield InputProblem("<stdin>", str(TooLong("article", max_chars)), stage="limit")
        return
    yield from text_article(text, "<stdin>", published, None)


def bounded_text_article(stream: IO[bytes], origin: str, published: Optional[dt.date], ident: Optional[str],
                         max_chars: int) -> Iterator[ReadResult]:
    """One article from a whole text stream, read no further than one character past `max_chars`
    (a gzip bomb is stopped there, not inflated whole and measured afterwards)."""
    try:
        text = read_text(stream, max_chars)
    except TooLong as err:
        yield InputProblem(origin, str(err), stage="limit")
        return
    except ValueError as err:
        yield InputProblem(origin, str(err))
        return
    yield from text_article(text, origin, published, ident)


def text_article(data: bytes | str, origin: str, published: Optional[dt.date], ident: Optional[str]) -> Iterator[ReadResult]:
    """One article from a whole text file; undecodable or empty files become problems."""
    try:
        text = data if isinstance(data, str) else decode(data, origin)
    except ValueError as err:
        yield InputProblem(origin, str(err))
        return
    if not text.strip():
        yield InputProblem(origin, "empty article (no text)")
        return
    yield Article(id=ident, text=text, title=title_from_text(text), published=published, origin=origin)


def read_jsonl_lines(lines: Iterable[str], source: str, published: Optional[dt.date] = None,
                     columns: ColumnMap = ColumnMap()) -> Iterator[ReadResult]:
    """One article per line; a broken line is reported with its number and the others are read."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield from _jsonl_article(line, f"{source}:{number}", published, number, columns)


def _jsonl_article(line: str, origin: str, published: Optional[dt.date], number: int, columns: ColumnMap) -> Iterator[ReadResult]:
    if line.startswith(_TOO_LONG):
        limit, max_chars = (int(part) for part in line[len(_TOO_LONG):].split(":"))
        yield InputProblem(origin, str(TooLong("line", limit, "bytes", max_chars=max_chars)), stage="limit")
        return
    if line.startswith(_UNDECODABLE):
        yield InputProblem(origin, f"not valid UTF-8 (byte {line[len(_UNDECODABLE):]} of the line); convert the file to UTF-8 first")
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        yield InputProblem(origin, f"not valid JSON ({err.msg.removesuffix(' at')} at column {err.colno})")
        return
    except RecursionError:
        yield InputProblem(origin, "not valid JSON (nested too deeply)")
        return
    if not isinstance(record, dict):
        yield InputProblem(origin, "expected a JSON object with a 'text' key")
        return
    yield from record_article(record, origin, str(number), published, columns)


def record_article(record: dict, origin: str, default_id: str, published: Optional[dt.date],
                   columns: ColumnMap) -> Iterator[ReadResult]:
    """An article from one JSON object or CSV row, its fields found through the column mapping."""
    text_key = _first_key(record, columns.candidates("text"))
    text = record.get(text_key) if text_key else None
    if not isinstance(text, str) or not text.strip():
        yield InputProblem(origin, f"missing or empty {_describe(columns.candidates('text'))}")
        return
    date = published
    date_key = _first_key(record, columns.candidates("published"))
    if date_key and record.get(date_key) not in (None, ""):
        try:
            date = parse_loose_date(record[date_key])
        except ValueError as err:
            yield InputProblem(origin, f"{err}; coded without a publication date", fatal=False)
    yield Article(
        id=_field(record, columns, "id") or default_id,
        text=text,
        title=_field(record, columns, "title"),
        url=_field(record, columns, "url"),
        publisher=_field(record, columns, "publisher"),
        published=date,
        origin=origin,
    )


def _first_key(record: dict, keys: tuple[str, ...]) -> Optional[str]:
    """The first candidate key present with a value, else the first present at all."""
    present = [key for key in keys if key in record]
    filled = [key for key in present if record[key] not in (None, "")]
    return (filled or present or [None])[0]


def _field(record: dict, columns: ColumnMap, name: str) -> Optional[str]:
    key = _first_key(record, columns.candidates(name))
    return optional_str(record.get(key)) if key else None


def _describe(keys: tuple[str, ...]) -> str:
    if len(keys) == 1:
        return f"'{keys[0]}'"
    return f"'{keys[0]}' (also looked for {', '.join(keys[1:])})"


def read_jsonl_file(path: Path, published: Optional[dt.date] = None, columns: ColumnMap = ColumnMap(),
                    max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadResult]:
    try:
        with path.open("rb") as handle:
            yield from read_jsonl_lines(decoded_lines(handle, max_chars), str(path), published, columns)
    except OSError as err:
        yield InputProblem(str(path), reason(err))


_UNDECODABLE = "\x00 invalid UTF-8 at byte "  # markers no JSON line can start with
_TOO_LONG = "\x00 line longer than "


def decoded_lines(handle: IO[bytes], max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[str]:
    """Lines of a binary handle as text, each read in bounded memory: a line too long to hold an
    article of `max_chars` (JSON may spell a character in 6) and an undecodable line become marked
    lines that `read_jsonl_lines` reports as such (their numbers kept), not a crash."""
    for raw in bounded_lines(handle, record_limit(max_chars, JSON_CHARS_PER_CHAR)):
        if isinstance(raw, LongLine):
            yield f"{_TOO_LONG}{raw.limit}:{max_chars}"
            continue
        try:
            yield raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            yield f"{_UNDECODABLE}{err.start}"
