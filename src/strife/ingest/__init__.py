"""Read articles from files, folders, URLs and stdin into `Article` records.

Formats: plain text, HTML pages, RSS/Atom feeds, WARC archives, CSV/TSV and JSON Lines, and gzip
of any of them, recognised by content and name (`detect_format`) or forced with
`ReadOptions(input_format=...)`. Readers stream: a JSON Lines, CSV or WARC file is read one
record at a time and a folder one file at a time, so an input of any size never sits in memory.
A bad input never stops a batch: it becomes an `InputProblem` naming the input (file, and line or
record where there is one) and what is wrong; an article in another language becomes a `Skipped`.

    from strife.ingest import ReadOptions, ColumnMap, read_inputs
    options = ReadOptions(columns=ColumnMap(text="body", published="date"))
    for item in read_inputs(["export.csv.gz", "pages/", "crawl.warc.gz"], options=options): ...
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import sys
import zlib
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from strife.ingest.base import (
    DEFAULT_COLUMNS,
    FORMATS,
    ColumnMap,
    InputProblem,
    ReadOptions,
    ReadResult,
    Skipped,
    date_from_name,
    decode,
    parse_date,
    parse_loose_date,
    reason,
    storable,
    title_from_text,
)
from strife.ingest.detect import (
    SUFFIX_FORMATS,
    detect_format,
    format_from_name,
    head_of,
    inner_name,
    open_input,
    peekable,
    sniff_format,
)
from strife.ingest.language import detect_language, filter_language
from strife.ingest.table import read_csv
from strife.ingest.bounded import DEFAULT_MAX_CHARS, TextAsBytes, TooLong
from strife.ingest.text import (
    bounded_text_article,
    decoded_lines,
    read_jsonl_file,
    read_jsonl_lines,
    read_text_file,
    read_text_stream,
)
from strife.model import Article
from strife.ingest.web import FeedEntry, feed_entries, fetch_url, html_article, read_feed, read_html, read_warc

__all__ = [
    "open_input", "sniff_format",
    "DEFAULT_COLUMNS", "DEFAULT_MAX_CHARS", "FORMATS", "TooLong", "ColumnMap", "FeedEntry", "InputProblem", "ReadOptions", "ReadResult", "Skipped",
    "date_from_name", "decode", "detect_format", "detect_language", "feed_entries", "fetch_url", "html_article",
    "parse_date", "parse_loose_date", "read_inputs", "read_jsonl_file", "read_jsonl_lines", "read_path",
    "read_stream", "read_text_file", "read_text_stream", "title_from_text",
]

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE_SUFFIXES = set(SUFFIX_FORMATS)
JSONL_KEYS = {"id", "text", "title", "url", "publisher", "published"}
URL_PREFIXES = ("http://", "https://")


def _options(published: Optional[dt.date], options: Optional[ReadOptions]) -> ReadOptions:
    options = options or ReadOptions()
    return dataclasses.replace(options, published=published) if published else options


def read_inputs(inputs: Iterable[str], published: Optional[dt.date] = None, stdin: Optional[IO[str]] = None, *,
                options: Optional[ReadOptions] = None) -> Iterator[ReadResult]:
    """Every article named by CLI arguments: paths, folders, http(s) URLs, or '-' for standard input.

    Standard input is sniffed like a file: `cat batch.jsonl | strife extract -` reads JSON Lines,
    `pbpaste | strife extract -` one plain-text article, `curl ... | strife extract -` a page.
    """
    opts = _options(published, options)
    for item in inputs:
        if item == "-":
            found = _read_stdin(stdin or sys.stdin, opts)
        elif item.startswith(URL_PREFIXES):
            found = _read_url(item, opts)
        else:
            found = _read_path(Path(item), opts)
        yield from filter_language(found, opts.language)


def read_path(path: Path, published: Optional[dt.date] = None, *, options: Optional[ReadOptions] = None) -> Iterator[ReadResult]:
    """Articles in a file or, recursively and in name order, a folder."""
    opts = _options(published, options)
    yield from filter_language(_read_path(Path(path), opts), opts.language)


def read_stream(stream: IO[bytes], origin: str, options: Optional[ReadOptions] = None, name: str = "",
                base: Optional[Path] = None) -> Iterator[ReadResult]:
    """Articles in one binary stream (gzip or not), its format forced by the options or detected.

    `name` is the file name the format may be told by; `base` the folder a feed's relative links
    to saved pages are resolved against.
    """
    opts = options or ReadOptions()
    try:
        readable = peekable(stream)
        fmt = opts.input_format if opts.input_format not in (None, "auto") else detect_format(name, head_of(readable))
    except (OSError, EOFError, zlib.error) as err:
        yield InputProblem(origin, f"unreadable ({reason(err)})")
        return
    yield from _guarded(_dispatch(fmt, readable, origin, opts, name, base), origin)


def _dispatch(fmt: str, stream: io.BufferedReader, origin: str, opts: ReadOptions, name: str,
              base: Optional[Path]) -> Iterator[ReadResult]:
    ident = Path(inner_name(name)).stem if name else None
    if fmt == "txt":
        yield from bounded_text_article(stream, origin, opts.published or date_from_name(name), ident, opts.max_chars)
    elif fmt == "jsonl":
        yield from read_jsonl_lines(decoded_lines(stream, opts.max_chars), origin, opts.published, opts.columns)
    elif fmt == "csv":
        yield from read_csv(stream, origin, opts, name)
    elif fmt == "html":
        yield from read_html(stream, origin, opts, inner_name(name))
    elif fmt == "feed":
        yield from read_feed(stream, origin, opts, base)
    elif fmt == "warc":
        yield from read_warc(stream, origin, opts)
    else:
        yield InputProblem(origin, f"unknown input format {fmt!r}; known: {', '.join(FORMATS)}")


def _guarded(results: Iterator[ReadResult], origin: str) -> Iterator[ReadResult]:
    """A reader's results, with a file that breaks off midway (truncated gzip, I/O error) reported
    after the articles read before the break, never raised; and every article storable.

    Any other failure of a reader's library (a WARC or feed parser giving up on a corrupt file) is
    reported the same way: one bad file never stops a batch (STRIFE_DEBUG=1 raises it instead).
    """
    read = 0
    try:
        for item in results:
            read += isinstance(item, Article)
            yield from storable(item)
    except (OSError, EOFError, zlib.error) as err:
        yield InputProblem(origin, f"unreadable after {read} articles ({reason(err)}); the rest of the file was skipped")
    except Exception as err:  # noqa: BLE001 - see above
        if os.environ.get("STRIFE_DEBUG"):
            raise
        yield InputProblem(origin, f"unreadable after {read} articles ({type(err).__name__}: {reason(err)}); "
                                   f"the rest of the file was skipped")


def _read_path(path: Path, opts: ReadOptions) -> Iterator[ReadResult]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, opts))
        if not files:
            known = ", ".join(sorted(READABLE_SUFFIXES))
            yield InputProblem(str(path), f"folder holds no readable article files ({known}, and .gz of them)")
        for file in files:
            yield from _read_path(file, opts)
    elif not path.exists():
        yield InputProblem(str(path), "no such file or folder")
    else:
        try:
            handle = open(path, "rb", buffering=65536)
        except OSError as err:
            yield InputProblem(str(path), reason(err))
            return
        with handle:
            yield from read_stream(handle, str(path), opts, path.name, path.parent)


def _wanted(path: Path, opts: ReadOptions) -> bool:
    """Files a folder contributes: known article formats, or every visible file under a forced format."""
    if path.name.startswith("."):
        return False
    if opts.input_format not in (None, "auto"):
        return True
    return format_from_name(path.name) is not None


def _read_url(url: str, opts: ReadOptions) -> Iterator[ReadResult]:
    """A page or feed the user named by URL (the only network use a plain read makes)."""
    try:
        data = fetch_url(url, opts.timeout)
    except ValueError as err:
        yield InputProblem(url, str(err))
        return
    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    for item in read_stream(io.BytesIO(data), url, opts, name):
        yield item.model_copy(update={"url": url}) if isinstance(item, Article) and not item.url else item


def _read_stdin(stream: IO[str], opts: ReadOptions) -> Iterator[ReadResult]:
    binary = getattr(stream, "buffer", None)
    if binary is None:  # a text stream handed in by a caller (tests, notebooks), read in pieces too
        binary = io.BufferedReader(TextAsBytes(stream))
    yield from read_stream(binary, "<stdin>", opts)
