"""gzip input read member after member, and bytes passed over without being handed on (issue #27).

`GzipMembers` must read every gzip file as `gzip.GzipFile` does (members in turn, padding, optional
header fields, broken files refused the same way); `skip` must land exactly where reading would
have, whatever lies below; a WARC record past the page limit must be passed over that way and the
records after it read, whether the archive is gzipped record by record, as one member, or not at all.
"""

from __future__ import annotations

import gzip
import io
import os
import struct
import zlib

import pytest

from strife.ingest import ReadOptions, read_path
from strife.ingest.gzipped import GzipMembers, skip
from strife.model import Article
from tests.reliability.badinputs import report
from tests.reliability.bombs import MIB, http_response, page, warc_bomb, warc_record

PARTS = [os.urandom(5000) + b"words " * 40_000, b"", b"a short member", bytes(range(256)) * 900]


def members(parts: list[bytes] = PARTS) -> bytes:
    return b"".join(gzip.compress(part, mtime=0) for part in parts)


def inflated(data: bytes, size: int = 7_000) -> bytes:
    reader = GzipMembers(io.BytesIO(data))
    out = bytearray()
    while piece := reader.read(size):
        out += piece
    return bytes(out)


def buffered(data: bytes) -> io.BufferedReader:
    return io.BufferedReader(GzipMembers(io.BufferedReader(io.BytesIO(data))), 65_536)


@pytest.mark.parametrize("size", [1, 4096, 1 << 20])
def test_members_are_read_in_turn_as_gzip_reads_them(size):
    data = members() + b"\x00" * 10 + members([b"after the padding"])
    assert inflated(data, size) == gzip.decompress(data)


def test_optional_header_fields_are_passed_over():
    body = b"an article about a ceasefire"
    deflated = zlib.compress(body, wbits=-15)
    extra = b"\x05\x00abcde"
    header = b"\x1f\x8b\x08" + bytes([2 | 4 | 8 | 16]) + b"\x00" * 6 + extra + b"name.txt\x00" + b"a comment\x00" + b"\x00\x00"
    data = header + deflated + struct.pack("<II", zlib.crc32(body), len(body))
    assert gzip.decompress(data) == body == inflated(data)


@pytest.mark.parametrize("broken, error", [
    (members()[:-3000], EOFError),  # cut short
    (members() + b"garbage after the last member", gzip.BadGzipFile),
    (members([b"text"])[:-8] + struct.pack("<II", 1, 4), gzip.BadGzipFile),  # wrong CRC
    (members([b"text"])[:-4] + struct.pack("<I", 5), gzip.BadGzipFile),  # wrong length
])
def test_a_broken_file_is_refused_as_gzip_refuses_it(broken, error):
    with pytest.raises(error):
        gzip.decompress(broken)
    with pytest.raises(error):
        inflated(broken)


@pytest.mark.parametrize("where, count", [(0, 10), (100, 250_000), (7, 245_010), (3, 10**9)])
def test_skip_lands_where_reading_would_have_across_members(where, count):
    data, whole = members(), gzip.decompress(members())
    stream = buffered(data)
    assert stream.read(where) == whole[:where]
    skip(stream, count)
    assert stream.read() == whole[where + count:]


def test_bytes_discarded_in_a_member_still_have_their_length_checked():
    data = members([b"x" * 100_000])[:-4] + struct.pack("<I", 99)
    stream = buffered(data)
    with pytest.raises(gzip.BadGzipFile):
        skip(stream, 100_000)
        stream.read()


class Unseekable(io.RawIOBase):
    """Bytes that can only be read on, as from a pipe."""

    def __init__(self, data: bytes):
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        return self._data.readinto(buffer)


@pytest.mark.parametrize("seekable", [True, False])
def test_skip_in_a_plain_stream_seeks_or_reads_past(tmp_path, seekable):
    data = bytes(range(256)) * 1000
    path = tmp_path / "plain.bin"
    path.write_bytes(data)
    with open(path, "rb") as handle:
        stream = handle if seekable else io.BufferedReader(Unseekable(data))
        assert stream.seekable() is seekable
        stream.read(10)
        skip(stream, 100_000)
        assert stream.read() == data[100_010:]


# ------------------------------------------------------------------ WARC records past the page limit
def good(first: int) -> list[str]:
    """Three pages of text no other test reads (the HTML reader drops text it has seen before)."""
    return [f"{report(n)} Residents said the shelling lasted all night." for n in range(first, first + 3)]


def stored_pages(path) -> list[str]:
    found = list(read_path(path, options=ReadOptions(language=None)))
    assert len(found) == 4 and "page too long" in found[1].message, found
    return [item.origin.rsplit(":", 1)[1] for item in found if isinstance(item, Article)]


def test_a_warc_record_past_the_limit_is_passed_over_and_the_next_pages_read(tmp_path):
    archive = warc_bomb(tmp_path / "crawl.warc.gz", good(20), 24 * MIB)
    assert stored_pages(archive) == ["1", "3", "4"]


def archive_records(texts: list[str], size: int) -> list[bytes]:
    big = http_response(page("x" * size))
    return ([warc_record("https://news.example/0", http_response(page(texts[0]))), warc_record("https://news.example/big", big)]
            + [warc_record(f"https://news.example/{n}", http_response(page(text))) for n, text in enumerate(texts[1:], 1)])


@pytest.mark.parametrize("layout", ["one gzip member", "not gzipped"])
def test_a_record_past_the_limit_ends_inside_a_member_or_a_plain_file(tmp_path, layout):
    records = b"".join(archive_records(good(30 if layout == "not gzipped" else 40), 21 * MIB))
    path = tmp_path / ("crawl.warc.gz" if layout == "one gzip member" else "crawl.warc")
    path.write_bytes(gzip.compress(records, compresslevel=1) if layout == "one gzip member" else records)
    assert stored_pages(path) == ["1", "3", "4"]

