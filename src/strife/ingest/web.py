"""Web inputs: saved HTML pages, RSS/Atom feeds and WARC web archives.

HTML goes through trafilatura, which keeps the article's main text and drops navigation,
boilerplate and comments, and finds title, author, site name and publication date. Feeds are
parsed with feedparser; WARC archives are streamed record by record with warcio, so an archive
of any size is read in constant memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator, Optional

from strife.version import __version__
from strife.ingest.base import (
    InputProblem, ReadOptions, ReadResult, optional_str, parse_loose_date, reason, storable,
)
from strife.ingest.bounded import TooLong, inflate, read_bytes
from strife.ingest.gzipped import skip
from strife.model import Article

MAX_PAGE_BYTES = 20_000_000  # a news page is rarely over 2 MB; beyond this it is not an article
MAX_FEED_BYTES = 20_000_000  # a feed document, parsed whole: feeds are small
MIN_PAGE_WORDS = 5  # what is left of a page of links ("Home World Sport") is no article
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = f"strife/{__version__} (+news event coding)"


def html_article(data: bytes | str, origin: str, *, url: Optional[str] = None, published: Optional[dt.date] = None,
                 ident: Optional[str] = None) -> ReadResult:
    """The article in one web page: its main text with title, publisher and date from the page.

    The page's own date wins; `published` is the fallback for pages that carry none.
    """
    import trafilatura

    try:
        data = inflate(data, MAX_PAGE_BYTES) if isinstance(data, bytes) else data  # never inflated unbounded
        doc = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, deduplicate=True,
        )
    except Exception as err:  # noqa: BLE001 - a malformed page of any kind is one rejected input
        return InputProblem(origin, f"unreadable HTML ({reason(err)})")
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(body.split()) < MIN_PAGE_WORDS:
        return InputProblem(origin, "no article text found in the page (only navigation or boilerplate)")
    title = optional_str(doc.title)
    page_date = _page_date(doc.date)
    return Article(
        id=ident,
        text=_article_text(title, body),
        title=title,
        url=url or optional_str(doc.url),  # where it was read from; else the page's canonical URL
        publisher=optional_str(doc.sitename) or optional_str(doc.hostname),
        author=optional_str(doc.author),
        published=page_date or published,
        origin=origin,
    )


def _article_text(title: Optional[str], body: str) -> str:
    """Headline, blank line, then paragraphs separated by blank lines (as strife's .txt inputs)."""
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if title and paragraphs and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]
    return "\n\n".join(([title.strip()] if title else []) + paragraphs)


def _page_date(value: object) -> Optional[dt.date]:
    try:
        return parse_loose_date(value)
    except ValueError:
        return None


def read_html(stream: IO[bytes], origin: str, options: ReadOptions, name: str = "") -> Iterator[ReadResult]:
    try:
        data = read_bytes(stream, MAX_PAGE_BYTES)
    except TooLong as err:
        yield InputProblem(origin, f"{err}; not an article", stage="limit")
        return
    except ValueError as err:
        yield InputProblem(origin, str(err))
        return
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 pages have a BOM
        # no other web page holds NUL bytes: this is an image or archive under an .html name
        yield InputProblem(origin, "binary file (contains NUL bytes), not an HTML page")
        return
    ident = Path(name).stem if name else None
    yield html_article(data, origin, published=options.published, ident=ident or None)


def fetch_url(url: str, timeout: float = 20.0, max_bytes: int = MAX_PAGE_BYTES) -> bytes:
    """The body at an http(s) or file URL, at most `max_bytes` also once inflated (a server may
    send gzip whatever was asked); ValueError naming the URL and the failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the user's URL
            return read_bytes(response, max_bytes, "download")
    except urllib.error.HTTPError as err:
        raise ValueError(f"{url}: HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, OSError) as err:
        raise ValueError(f"{url}: {getattr(err, 'reason', None) or reason(err)}") from None
    except ValueError as err:  # too long, or broken gzip
        raise ValueError(f"{url}: {err}") from None


# --- feeds ---------------------------------------------------------------------------------------


@dataclass
class FeedEntry:
    """One feed entry: a stable id (to remember it was seen) and what reading it gave."""

    entry_id: str
    link: Optional[str]
    results: list[ReadResult] = field(default_factory=list)


def feed_entries(data: bytes, origin: str, options: ReadOptions, base: Optional[Path] = None) -> Iterator[FeedEntry]:
    """Entries of an RSS/Atom document, each read from its linked page when that can be had
    (a saved local page; a download only with `options.fetch_links`), else from its summary.
    Articles come out storable (NUL and lone surrogates replaced, with a warning), as from
    every reader: `strife watch` stores them straight from here.
    """
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as err:  # noqa: BLE001 - feedparser raises on some corrupt feeds (a surrogate &#xD800;)
        yield FeedEntry("", None, [InputProblem(origin, f"not a readable RSS/Atom feed ({type(err).__name__}: {reason(err)})")])
        return
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield FeedEntry("", None, [InputProblem(origin, f"not an RSS/Atom feed with entries{problem}")])
        return
    publisher = optional_str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        link = optional_str(entry.get("link"))
        entry_id = optional_str(entry.get("id")) or link or _digest(entry.get("title"), entry.get("summary"))
        results = _entry_results(entry, f"{origin}:{number}", link, publisher, options, base)
        yield FeedEntry(entry_id, link, [cleaned for item in results for cleaned in storable(item)])


def _entry_results(entry, origin: str, link: Optional[str], publisher: Optional[str], options: ReadOptions,
                   base: Optional[Path]) -> Iterator[ReadResult]:
    published = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed")) or options.published
    title = optional_str(entry.get("title"))
    page, warning = _linked_page(link, options, base)
    if warning:
        yield InputProblem(origin, f"{warning}; coded from the feed summary", fatal=False)
    if page is not None:
        article = html_article(page, origin, url=link, published=published)
        if isinstance(article, Article):
            yield article.model_copy(update={"title": article.title or title, "published": published or article.published,
                                             "publisher": article.publisher or publisher})
            return
        yield InputProblem(origin, f"linked page {link}: {article.message}; coded from the feed summary", fatal=False)
    summary = _summary_text(entry)
    if not summary:
        yield InputProblem(origin, "feed entry has neither a readable linked page nor a summary")
        return
    text = f"{title}\n\n{summary}" if title else summary
    yield Article(text=text, title=title, url=link, publisher=publisher, published=published, origin=origin)


def _linked_page(link: Optional[str], options: ReadOptions, base: Optional[Path]) -> tuple[Optional[bytes], Optional[str]]:
    """The entry's page bytes when available, and a warning when trying to get them failed."""
    if not link:
        return None, None
    parts = urllib.parse.urlsplit(link)
    local = _local_page(parts, link, base)
    if local is not None:
        try:
            with local.open("rb") as handle:
                return read_bytes(handle, MAX_PAGE_BYTES), None
        except OSError as err:
            return None, f"linked page {local}: {reason(err)}"
        except ValueError as err:
            return None, f"linked page {local}: {err}"
    if parts.scheme in ("http", "https") and options.fetch_links:
        try:
            return fetch_url(link, options.timeout), None
        except ValueError as err:
            return None, f"linked page not fetched ({err})"
    return None, None


def _local_page(parts: urllib.parse.SplitResult, link: str, base: Optional[Path]) -> Optional[Path]:
    if parts.scheme == "file":
        return Path(urllib.request.url2pathname(parts.path))
    if not parts.scheme and base is not None:
        candidate = (base / urllib.parse.unquote(parts.path)).resolve()
        return candidate if candidate.is_file() else None
    return None


def _summary_text(entry) -> str:
    """The richest text the entry carries (full content, else summary), as plain paragraphs."""
    contents = entry.get("content") or []
    html = (contents[0].get("value") if contents else None) or entry.get("summary") or ""
    return html_to_text(html)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, block elements becoming paragraphs."""
    if "<" not in html:
        return " ".join(html.split())
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - a broken fragment is read as text
        return " ".join(html.split())
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    paragraphs = (" ".join(chunk.split()) for chunk in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _struct_date(value: Optional[time.struct_time]) -> Optional[dt.date]:
    return dt.date(value.tm_year, value.tm_mon, value.tm_mday) if value else None


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p or "") for p in parts).encode("utf-8")).hexdigest()[:32]


def read_feed(stream: IO[bytes], origin: str, options: ReadOptions, base: Optional[Path] = None) -> Iterator[ReadResult]:
    """Articles of a feed file (feeds are small: the document is parsed whole, up to `MAX_FEED_BYTES`)."""
    try:
        data = read_bytes(stream, MAX_FEED_BYTES, "feed")
    except ValueError as err:
        yield InputProblem(origin, str(err), stage="limit" if isinstance(err, TooLong) else "read")
        return
    for entry in feed_entries(data, origin, options, base):
        yield from entry.results


# --- WARC ----------------------------------------------------------------------------------------


def read_warc(stream: IO[bytes], origin: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Every successful HTML response in a WARC file, in archive order, streamed record by record.

    The page's own publication date wins; else `--published`; else the crawl date (WARC-Date), a
    close upper bound for news crawls. Requests, metadata, revisits, redirects and non-HTML
    responses are passed over silently: they are not articles.
    """
    from warcio.archiveiterator import ArchiveIterator

    pages = 0
    archive = ArchiveIterator(stream)
    for number, record in enumerate(archive, start=1):
        if not _is_html_response(record):
            continue
        pages += 1
        url = record.rec_headers.get_header("WARC-Target-URI")
        crawled = _page_date(record.rec_headers.get_header("WARC-Date"))
        where = f"{origin}:{number}"
        try:  # warcio undoes the record's gzip and Content-Encoding block by block: this read is bounded
            data = read_bytes(record.content_stream(), MAX_PAGE_BYTES)
        except ValueError as err:
            yield InputProblem(where, f"{url}: {err}; not an article", stage="limit" if isinstance(err, TooLong) else "read")
            _pass_over(archive, record, stream)
            continue
        yield html_article(data, where, url=url, published=options.published or crawled)
    if not pages:
        yield InputProblem(origin, "WARC file holds no HTML response records")


def _pass_over(archive, record, stream: IO[bytes]) -> None:
    """The rest of a rejected record passed over below warcio, which would read it through all its
    layers in pieces of 16 kB (seconds for a record that inflates to 2 GiB).

    Done only when the record is what warcio's reader limits (its Content-Length known) and that
    reader does not inflate itself (the archive's gzip is undone below it, by `GzipMembers`):
    then what warcio holds already is read, the rest skipped in `stream`, and the record marked
    as read to its end. Otherwise warcio reads on to the next record itself, as before.
    """
    from warcio.limitreader import LimitReader

    rest, reader = record.raw_stream, archive.reader
    if (not isinstance(stream, io.BufferedReader) or type(rest) is not LimitReader or rest.stream is not reader
            or reader.decompressor is not None):
        return
    held = min(rest.limit, reader.rem_length())
    if held:
        rest.read(held)
    skip(stream, rest.limit)
    rest.limit = 0


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = (record.http_headers.get_statuscode() or "")
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status == "200" and any(kind in content_type for kind in HTML_TYPES)
