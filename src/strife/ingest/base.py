"""What every reader shares: problems, options, column mappings and date parsing."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional, Union

from strife.ingest.bounded import DEFAULT_MAX_CHARS
from strife.model import Article

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WORDY_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %d %Y", "%Y/%m/%d", "%Y%m%d",
                       "%d-%b-%y", "%d-%b-%Y")  # the last two as ACLED exports write them: 9-May-20
_DAY_FIRST_FORMATS = ("%d/%m/%Y",)  # ambiguous unless the source is known to write the day first


@dataclass(frozen=True)
class InputProblem:
    """Why one input (a file, or one line of a file) was not read."""

    origin: str
    message: str
    fatal: bool = True  # False: the article was still read, with this warning
    stage: str = "read"  # where it was stopped: read, limit (size/time) or code (a pipeline stage)

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"

    def as_record(self) -> dict:
        """The problem as one `--errors` JSON line: the input, its line (or record) number, stage, error."""
        source, line = _split_origin(self.origin)
        return {"input": source, "line": line, "stage": self.stage, "error": self.message}


_LINE_SUFFIX = re.compile(r"^(?P<source>.+):(?P<line>\d+)$")
_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]*$", re.IGNORECASE)


def _split_origin(origin: str) -> tuple[str, Optional[int]]:
    """'batch.jsonl:12' -> ('batch.jsonl', 12); a URL's port ('http://host:8080') is no line number."""
    match = _LINE_SUFFIX.match(origin)
    if not match or _URL_HOST.match(match["source"]):
        return origin, None
    return match["source"], int(match["line"])


@dataclass(frozen=True)
class Skipped(InputProblem):
    """An input read correctly but deliberately not coded (say, an article in another language).

    It is no error: callers count it apart from rejections and exit 0 for it.
    """

    fatal: bool = False
    reason: str = "skipped"
    language: Optional[str] = None
    sha256: Optional[str] = None


ReadResult = Union[Article, InputProblem]

# Names a column commonly has in news exports (news-please, GDELT GKG scrapes, Media Cloud, ...),
# tried in order when the user names none.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "body", "content", "article", "full_text"),
    "published": ("published", "date_publish", "date", "publish_date", "pubdate", "published_at"),
    "title": ("title", "headline"),
    "id": ("id", "article_id", "doc_id", "stories_id"),
    "url": ("url", "link", "source_url"),
    "publisher": ("publisher", "source_domain", "sitename", "outlet", "media_name", "source"),
}


@dataclass(frozen=True)
class ColumnMap:
    """Which CSV column or JSON key holds each article field; None means 'try the usual names'."""

    text: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    id: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None

    def candidates(self, field_name: str) -> tuple[str, ...]:
        chosen = getattr(self, field_name)
        return (chosen,) if chosen else DEFAULT_COLUMNS[field_name]

    def explicit(self) -> dict[str, str]:
        """The columns the user named, which must exist in a CSV header."""
        return {name: getattr(self, name) for name in DEFAULT_COLUMNS if getattr(self, name)}


FORMATS = ("txt", "html", "feed", "warc", "csv", "jsonl")


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs beyond their own content.

    `language` is the language strife codes ('en'); articles detected in another one become
    `Skipped` results. None reads every article whatever its language. `fetch_links` lets feed
    readers download an entry's linked web page (network use the user asked for); without it a
    feed entry is read from a local saved page when its link points to one, else its summary.
    `max_chars` is the longest article (`--max-chars`): readers stop one character past it, so an
    input of any size (a gzip bomb, a 300 MB line) is rejected in memory bounded by the limit.
    """

    published: Optional[dt.date] = None
    input_format: Optional[str] = None
    columns: ColumnMap = field(default_factory=ColumnMap)
    language: Optional[str] = "en"
    fetch_links: bool = False
    timeout: float = 20.0
    max_chars: int = DEFAULT_MAX_CHARS

    def __post_init__(self) -> None:
        if self.max_chars < 1:
            raise ValueError(f"max_chars must be at least 1, not {self.max_chars}")
        if self.input_format not in (None, "auto", *FORMATS):
            raise ValueError(f"unknown input format {self.input_format!r}; known: auto, {', '.join(FORMATS)}")


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


def parse_loose_date(value: object, day_first: bool = False) -> Optional[dt.date]:
    """A date as spreadsheets, feeds and gold exports write it: ISO, RFC 2822 ('Tue, 06 Dec 2016
    10:00:00 GMT') or spelled-out months ('6 December 2016', '9-May-20'). Day/month-ambiguous
    forms like 06/12/2016 are refused (ValueError) rather than guessed, unless `day_first` says
    the source writes the day first (ACLED and UCDP exports do).
    """
    try:
        return parse_date(value)
    except ValueError:
        pass
    text = " ".join(str(value).split())
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for pattern in _WORDY_DATE_FORMATS + (_DAY_FIRST_FORMATS if day_first else ()):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"malformed date {text!r} (expected YYYY-MM-DD, an RFC 2822 date or '6 December 2016')")


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


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(text: str) -> tuple[str, int]:
    """The text with NUL and lone surrogate characters replaced by U+FFFD, and how many were.

    JSON escapes can carry both ("\\u0000", half of an emoji cut off by a scraper); neither can be
    encoded as UTF-8 or stored by PostgreSQL, and spaCy's tokenizer raises on a surrogate. One
    replacement character for one bad one keeps every other character at its offset.
    Every article passes here, a 1 MB one too: most texts are told clean at C speed (no NUL, and
    ASCII or encodable as UTF-8) before the slower pattern is run.
    """
    if "\x00" not in text and (text.isascii() or _encodable(text)):
        return text, 0
    return _UNSTORABLE.subn("\ufffd", text)


def _encodable(text: str) -> bool:
    """Whether the text encodes as UTF-8: it then holds no lone surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def storable(item: ReadResult) -> Iterator[ReadResult]:
    """The item, its text fields cleared of NUL and lone surrogates (with a warning saying so).

    Every way an article comes in (the readers, feed polling, the API) passes through this, so
    what is stored never depends on the door it came through.
    """
    if not isinstance(item, Article):
        yield item
        return
    fields = {name: getattr(item, name) for name in ("text", "title", "id", "url", "publisher", "author", "origin")}
    cleaned = {name: storable_text(value) for name, value in fields.items() if value}
    replaced = sum(n for _, n in cleaned.values())
    if replaced:
        yield InputProblem(item.origin or item.id or "article",
                           f"{replaced} NUL or lone surrogate character(s) replaced by U+FFFD", fatal=False)
        item = item.model_copy(update={name: value for name, (value, _) in cleaned.items()})
    yield item


def title_from_text(text: str) -> Optional[str]:
    """The first line when it reads as a headline: short, followed by a blank line, no final full stop."""
    head, sep, _ = text.lstrip().partition("\n\n")
    if sep and "\n" not in head and len(head) <= 200 and not head.rstrip().endswith("."):
        return head.strip()
    return None


def optional_str(value: object) -> Optional[str]:
    return None if value is None or value == "" else str(value)


def reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__
