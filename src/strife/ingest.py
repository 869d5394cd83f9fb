"""Read articles from files, folders and stdin into `Article` records.

Readers stream: a JSON Lines file is read one line at a time, a folder one file at a time, so a
batch of any size never sits in memory. A bad input never stops a batch: it becomes an
`InputProblem` naming the input (file, and line where there is one) and what is wrong, and the
caller reports it and goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from strife.model import Article

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
JSONL_KEYS = {"id", "text", "title", "url", "publisher", "published"}
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@dataclass(frozen=True)
class InputProblem:
    """Why one input (a file, or one line of a file) was not read."""

    origin: str
    message: str
    fatal: bool = True  # False: the article was still read, with this warning

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


ReadResult = Union[Article, InputProblem]


def parse_date(value: object) -> Optional[dt.date]:
    """An ISO date or date-time (as JSON Lines carry them) as a date; ValueError when malformed."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"malformed date {text!r} (expected YYYY-MM-DD)") from None


def date_from_name(name: str) -> Optional[dt.date]:
    """A publication date written into a file name ('aleppo-2016-12-06.txt'), as archives often do."""
    match = _DATE_IN_NAME.search(name)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def decode(data: bytes, origin: str) -> str:
    """Text of a file's bytes; ValueError with a readable reason for binary or non-UTF-8 input."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid UTF-8 (byte {err.start}); convert it to UTF-8 first") from None


def title_from_text(text: str) -> Optional[str]:
    """The first line when it reads as a headline: short, followed by a blank line, no final full stop."""
    head, sep, _ = text.lstrip().partition("\n\n")
    if sep and "\n" not in head and len(head) <= 200 and not head.rstrip().endswith("."):
        return head.strip()
    return None


def read_text_file(path: Path, published: Optional[dt.date] = None) -> Iterator[ReadResult]:
    origin = str(path)
    try:
        text = decode(path.read_bytes(), origin)
    except (OSError, ValueError) as err:
        yield InputProblem(origin, _reason(err))
        return
    yield from _text_article(text, origin, published or date_from_name(path.name), path.stem)


def read_text_stream(stream: IO[str], published: Optional[dt.date] = None) -> Iterator[ReadResult]:
    yield from _text_article(stream.read(), "<stdin>", published, None)


def _text_article(text: str, origin: str, published: Optional[dt.date], ident: Optional[str]) -> Iterator[ReadResult]:
    if not text.strip():
        yield InputProblem(origin, "empty article (no text)")
        return
    yield Article(id=ident, text=text, title=title_from_text(text), published=published, origin=origin)


def read_jsonl_lines(lines: Iterable[str], source: str, published: Optional[dt.date] = None) -> Iterator[ReadResult]:
    """One article per line; a broken line is reported with its number and the others are read."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield from _jsonl_article(line, f"{source}:{number}", published, number)


def _jsonl_article(line: str, origin: str, published: Optional[dt.date], number: int) -> Iterator[ReadResult]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        yield InputProblem(origin, f"not valid JSON ({err.msg} at column {err.colno})")
        return
    if not isinstance(record, dict):
        yield InputProblem(origin, "expected a JSON object with a 'text' key")
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield InputProblem(origin, "missing or empty 'text'")
        return
    date = published
    if record.get("published") not in (None, ""):
        try:
            date = parse_date(record["published"])
        except ValueError as err:
            yield InputProblem(origin, f"{err}; coded without a publication date", fatal=False)
    yield Article(
        id=_optional_str(record.get("id")) or str(number),
        text=text,
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        publisher=_optional_str(record.get("publisher")),
        published=date,
        origin=origin,
    )


def read_jsonl_file(path: Path, published: Optional[dt.date] = None) -> Iterator[ReadResult]:
    try:
        with path.open("rb") as handle:
            yield from read_jsonl_lines(_decoded_lines(handle, str(path)), str(path), published)
    except OSError as err:
        yield InputProblem(str(path), _reason(err))


def _decoded_lines(handle: IO[bytes], origin: str) -> Iterator[str]:
    """Lines of a binary handle as text; an undecodable line becomes a JSON error, not a crash."""
    for raw in handle:
        try:
            yield raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield "\x00 invalid UTF-8 \x00"


def read_path(path: Path, published: Optional[dt.date] = None) -> Iterator[ReadResult]:
    """Articles in a file or, recursively and in name order, a folder."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
        if not files:
            yield InputProblem(str(path), f"folder holds no readable article files ({', '.join(sorted(READABLE_SUFFIXES))})")
        for file in files:
            yield from read_path(file, published)
    elif not path.exists():
        yield InputProblem(str(path), "no such file or folder")
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, published)
    else:
        yield from read_text_file(path, published)


def read_inputs(inputs: Iterable[str], published: Optional[dt.date] = None, stdin: Optional[IO[str]] = None) -> Iterator[ReadResult]:
    """Every article named by CLI arguments: paths, folders, or '-' for standard input.

    Standard input is read as JSON Lines when its first non-blank character is '{', else as one
    plain-text article, so `cat batch.jsonl | strife extract -` and `pbpaste | strife extract -`
    both do what a user means.
    """
    for item in inputs:
        if item == "-":
            yield from _read_stdin(stdin or sys.stdin, published)
        else:
            yield from read_path(Path(item), published)


def _read_stdin(stream: IO[str], published: Optional[dt.date]) -> Iterator[ReadResult]:
    text = stream.read()
    if text.lstrip().startswith("{"):
        yield from read_jsonl_lines(text.splitlines(), "<stdin>", published)
    else:
        yield from _text_article(text, "<stdin>", published, None)


def _optional_str(value: object) -> Optional[str]:
    return None if value is None or value == "" else str(value)


def _reason(err: Exception) -> str:
    if isinstance(err, OSError):
        return err.strerror or str(err)
    return str(err)
