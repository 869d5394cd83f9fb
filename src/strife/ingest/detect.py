"""Which reader an input needs: by content first (it cannot lie), then by name.

Content signatures decide when they are unambiguous (gzip magic, a WARC header, an RSS/Atom root,
an HTML root); otherwise the extension decides (`.csv` cannot be told from text by content);
a name strife does not know falls back to JSON Lines when the data opens with '{', else text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import IO, Optional

from strife.ingest.gzipped import GZIP_MAGIC, GzipMembers

SNIFF_BYTES = 65536
SUFFIX_FORMATS = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc",
    ".csv": "csv", ".tsv": "csv",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html)[\s>]", re.IGNORECASE)


def inner_name(name: str) -> str:
    """The name without a trailing .gz: 'crawl.warc.gz' -> 'crawl.warc'."""
    return name[:-3] if name.lower().endswith(".gz") else name


def format_from_name(name: str) -> Optional[str]:
    return SUFFIX_FORMATS.get(Path(inner_name(name)).suffix.lower())


def sniff_format(head: bytes) -> Optional[str]:
    """The format the first bytes prove, or None when they prove nothing."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    feed = _FEED_ROOT.search(start[:4096])
    html = _HTML_ROOT.search(start[:4096])
    if feed and (not html or feed.start() < html.start()):
        return "feed"
    if html:
        return "html"
    return None


def detect_format(name: str, head: bytes) -> str:
    """The reader for an input named `name` whose (decompressed) content starts with `head`."""
    proven = sniff_format(head)
    if proven:
        return proven
    named = format_from_name(name)
    if named:
        return named
    return "jsonl" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "txt"


def peekable(stream: IO[bytes]) -> io.BufferedReader:
    """A stream whose first bytes can be looked at without consuming them; gzip is undone here
    (by `GzipMembers`, so that a reader can pass over a rejected part cheaply)."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream, SNIFF_BYTES)  # type: ignore[arg-type]
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        return io.BufferedReader(GzipMembers(buffered), SNIFF_BYTES)
    return buffered


def open_input(path: Path) -> io.BufferedReader:
    """A file opened for streaming, decompressed when it is gzip (whatever its name says)."""
    return peekable(open(path, "rb", buffering=SNIFF_BYTES))


def head_of(stream: io.BufferedReader) -> bytes:
    return stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
