"""Reading hostile input in bounded memory: the one primitive every reader reads through.

A 2 MB gzip file can inflate to 2 GiB, a JSON Lines file can hold one 300 MB line, a CSV cell can
be 100 MB. A reader that reads first and checks the length afterwards holds all of it, and a file
20 MB long takes a machine down. Here every read counts as it goes and stops one unit past the
limit: the input is then reported as too long (with the limit and the option that raises it), and
no more than a small multiple of the limit is ever held.

- `read_text`: a whole text (one article) decoded as UTF-8, at most `max_chars` characters;
- `read_bytes`: a whole page, feed or download, at most `max_bytes` bytes (gzip undone, bounded);
- `bounded_lines`: the lines of a stream, each at most `max_bytes` long; a longer one is skipped
  in bounded pieces and comes out as a `LongLine` in its place, so its number is kept.
"""

from __future__ import annotations

import codecs
import io
import zlib
from dataclasses import dataclass
from typing import IO, Iterator, Optional, Union

from strife.ingest.gzipped import GZIP_MAGIC

DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own default limit: beyond it parsing needs over 1 GB
CHUNK = 65_536  # bytes read (or inflated) at a time
NUL_WINDOW = 8192  # a text file with a NUL byte this early is binary
# A JSON line may spell one character as \uXXXX (6 characters), a CSV cell doubles its quotes: a
# record may be this many times an article's limit, plus room for its other fields.
JSON_CHARS_PER_CHAR = 6
CSV_CHARS_PER_CHAR = 2
RECORD_SLACK = 65_536


class TooLong(ValueError):
    """An input past its limit, stopped one unit past it: the message names the limit and the option.

    `max_chars` is given for a record (a JSON line, a CSV row) whose limit is derived from the
    article limit: the message then says so, since --max-chars is what raises it.
    """

    def __init__(self, what: str, limit: int, unit: str = "characters", option: str = "--max-chars",
                 max_chars: Optional[int] = None):
        bound = (f"room for an article of {max_chars:,} characters" if max_chars is not None
                 else f"the limit is {limit:,}")
        hint = f", see {option}" if option else ""
        super().__init__(f"{what} too long (more than {limit:,} {unit}; {bound}{hint})")
        self.limit = limit


def record_limit(max_chars: int, chars_per_char: int) -> int:
    """The longest record (a JSON line, a CSV row) that can hold an article of `max_chars`."""
    return max_chars * chars_per_char + RECORD_SLACK


def read_text(stream: IO[bytes], max_chars: int, what: str = "article") -> str:
    """The stream's text, decoded as UTF-8 (a BOM dropped) and counted as it is decoded.

    Raises `TooLong` as soon as more than `max_chars` characters were decoded (the rest is never
    read), ValueError for binary (NUL bytes early on) or non-UTF-8 input.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    pieces: list[str] = []
    count, offset = 0, 0
    while True:
        data = stream.read(CHUNK)
        if offset < NUL_WINDOW and b"\x00" in data[:NUL_WINDOW - offset]:
            raise ValueError("binary file (contains NUL bytes), not text")
        piece = _decoded(decoder, data, offset, final=not data)
        offset += len(data)
        count += len(piece)
        if count > max_chars:
            raise TooLong(what, max_chars)
        pieces.append(piece)
        if not data:
            return "".join(pieces)


def _decoded(decoder: codecs.IncrementalDecoder, data: bytes, offset: int, final: bool) -> str:
    try:
        return decoder.decode(data, final=final)
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid UTF-8 (byte {offset + err.start}); convert it to UTF-8 first") from None


def read_bytes(stream: IO[bytes], max_bytes: int, what: str = "page") -> bytes:
    """At most `max_bytes` of the stream, gzip undone (bounded too); `TooLong` past the limit."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLong(what, max_bytes, "bytes", option="")
    return inflate(data, max_bytes, what)


def inflate(data: bytes, max_bytes: int, what: str = "page") -> bytes:
    """gzip-compressed bytes inflated, stopping one byte past `max_bytes`; other bytes as they are.

    A page downloaded with `Content-Encoding: gzip`, or a saved `.html.gz`, must never be handed
    whole to a parser that inflates it without a bound.
    """
    if not data.startswith(GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    pending = data
    try:
        while pending and not inflater.eof:
            out += inflater.decompress(pending, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise TooLong(f"{what} (inflated)", max_bytes, "bytes", option="")
            pending = inflater.unconsumed_tail
    except zlib.error as err:
        raise ValueError(f"not valid gzip ({err})") from None
    return bytes(out)


@dataclass(frozen=True)
class LongLine:
    """A line past the limit, skipped: only its length is known (at least `limit` + 1)."""

    limit: int


def bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[Union[bytes, LongLine]]:
    """Each line of `stream` (bytes, newline kept), none longer than `max_bytes`.

    A longer line is read on in pieces of `CHUNK` bytes to its end and dropped: a `LongLine`
    comes out in its place, so the line numbers of the lines after it stay right.
    """
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while True:  # the rest of the long line, never held
            rest = stream.readline(CHUNK)
            if not rest or rest.endswith(b"\n"):
                break
        yield LongLine(max_bytes)


class TextAsBytes(io.RawIOBase):
    """A text stream read as UTF-8 bytes, piece by piece (a caller's StringIO as standard input)."""

    def __init__(self, text: IO[str]):
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self._pending:
            piece = self._text.read(CHUNK)
            if not piece:
                return 0
            self._pending = piece.encode("utf-8", "surrogatepass")
        n = min(len(buffer), len(self._pending))
        buffer[:n], self._pending = self._pending[:n], self._pending[n:]
        return n
