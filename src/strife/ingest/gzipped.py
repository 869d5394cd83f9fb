"""gzip input inflated member after member, where passing over inflated bytes costs no copies.

`gzip.GzipFile` reads a file the way strife needs (every member in turn, CRC and length checked),
but a reader that rejects a part of it can only get past that part by reading it through every
layer above, in pieces of a few kB: a WARC record that inflates to 2 GiB took seconds to pass
over. `GzipMembers` reads the same way, and `skip` passes over inflated bytes by inflating them
in large steps and dropping them at once, so that only zlib's own work is left (a rejected part's
CRC cannot be checked then; its length still is). `skip` also passes over bytes of a plain file
(by seeking) or of any other stream (read in pieces and dropped).
"""

from __future__ import annotations

import gzip
import io
import re
import struct
import zlib
from typing import IO

GZIP_MAGIC = b"\x1f\x8b"
DEFLATE = 8
READ_BYTES = 65_536  # compressed bytes read at a time
SKIP_STEP = 1 << 20  # inflated bytes dropped at a time: large enough that Python's share is nil
TRUNCATED = "Compressed file ended before the end-of-stream marker was reached"  # gzip.GzipFile's words
# Header flags (RFC 1952): a header CRC, extra field, file name, comment may follow the fixed part.
FHCRC, FEXTRA, FNAME, FCOMMENT = 2, 4, 8, 16
_NOT_ZERO = re.compile(b"[^\x00]")


class GzipMembers(io.RawIOBase):
    """A gzip stream inflated as `gzip.GzipFile` does (members in turn, zero padding between them
    allowed, CRC and length checked), with `discard` to pass over inflated bytes cheaply."""

    def __init__(self, raw: IO[bytes]):
        self._raw = raw
        self._pending = b""  # compressed bytes read, not yet inflated from `_start` on (never sliced
        self._start = 0  # off byte by byte: a file of many small members would copy it each time)
        self._inflater: zlib._Decompress | None = None
        self._crc: int | None = 0  # None once bytes of the member were discarded unchecked
        self._size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        """Inflated bytes into `buffer`; 0 only at the end of the last member (or for no room:
        zlib reads a bound of 0 as none at all)."""
        if not len(buffer):
            return 0
        while True:
            if self._inflater is None and not self._next_member():
                return 0
            data = self._inflated(len(buffer))
            if data:
                buffer[:len(data)] = data
                return len(data)

    def discard(self, count: int) -> int:
        """Pass over the next `count` inflated bytes (fewer at the end): inflated in large steps and
        dropped, never handed on. Returns how many were passed over."""
        dropped = 0
        while dropped < count:
            if self._inflater is None and not self._next_member():
                break
            self._crc = None
            dropped += len(self._inflated(min(count - dropped, SKIP_STEP)))
        return dropped

    def _inflated(self, most: int) -> bytes:
        """Up to `most` inflated bytes of the current member (possibly none: more input is needed,
        or the member just ended), its trailer checked when it ends."""
        starved = self._start == len(self._pending) and not self._more()  # zlib may still hold output
        inflater = self._inflater
        data = inflater.decompress(memoryview(self._pending)[self._start:], most)
        if starved and not data and not inflater.eof:
            raise EOFError(TRUNCATED)
        self._pending, self._start = inflater.unconsumed_tail, 0
        self._size += len(data)
        if self._crc is not None:
            self._crc = zlib.crc32(data, self._crc)
        if inflater.eof:
            self._pending = inflater.unused_data
            self._end_member()
        return data

    def _end_member(self) -> None:
        """The member's trailer checked (its CRC only when no byte was discarded unchecked)."""
        crc, size = struct.unpack("<II", self._take(8))
        if self._crc is not None and crc != self._crc:
            raise gzip.BadGzipFile(f"CRC check failed {hex(crc)} != {hex(self._crc)}")
        if size != self._size & 0xFFFFFFFF:
            raise gzip.BadGzipFile("Incorrect length of data produced")
        self._inflater = None

    def _next_member(self) -> bool:
        """Start the next member after its header; False at the end of the input."""
        while True:  # zero bytes may pad a file after a member, as gzip.GzipFile allows
            found = _NOT_ZERO.search(self._pending, self._start)
            self._start = found.start() if found else len(self._pending)
            if found or not self._more():
                break
        if not found:
            return False
        self._read_header()
        self._inflater, self._crc, self._size = zlib.decompressobj(-zlib.MAX_WBITS), 0, 0
        return True

    def _read_header(self) -> None:
        """A member's header (RFC 1952) taken off the input: the fixed part, then its optional fields."""
        magic, method, flags = struct.unpack("<2sBB", self._take(4))
        if magic != GZIP_MAGIC:
            raise gzip.BadGzipFile(f"Not a gzipped file ({magic!r})")
        if method != DEFLATE:
            raise gzip.BadGzipFile("Unknown compression method")
        self._take(6)  # modification time, extra flags, operating system
        if flags & FEXTRA:
            (length,) = struct.unpack("<H", self._take(2))
            self._take(length)
        for flag in (FNAME, FCOMMENT):
            if flags & flag:
                self._take_through(b"\x00")
        if flags & FHCRC:
            self._take(2)

    def _take(self, count: int) -> bytes:
        """The next `count` compressed bytes; EOFError when the input ends first."""
        while len(self._pending) - self._start < count:
            if not self._more():
                raise EOFError(TRUNCATED)
        self._start += count
        return self._pending[self._start - count:self._start]

    def _take_through(self, end: bytes) -> None:
        """Drop compressed bytes up to and including `end` (a file name or comment, of any length)."""
        while (found := self._pending.find(end, self._start)) < 0:
            self._start = len(self._pending)
            if not self._more():
                raise EOFError(TRUNCATED)
        self._start = found + len(end)

    def _more(self) -> bool:
        """Read more compressed input; False at its end."""
        data = self._raw.read(READ_BYTES)
        self._pending, self._start = self._pending[self._start:] + data, 0
        return bool(data)


def skip(stream: io.BufferedReader, count: int) -> None:
    """Pass over the next `count` bytes of `stream` without holding them: what its buffer holds is
    dropped, then the rest is inflated and dropped (gzip), seeked past (a file) or read in pieces."""
    held = stream.read(min(count, len(stream.peek(1))))
    count -= len(held)
    raw = stream.raw
    if count <= 0:
        return
    if isinstance(raw, GzipMembers):
        raw.discard(count)
    elif stream.seekable():
        stream.seek(count, io.SEEK_CUR)
    else:
        while count > 0:
            piece = stream.read(min(count, READ_BYTES))
            if not piece:
                return
            count -= len(piece)
