"""The bounded read primitive (`strife.ingest.bounded`) and the readers built on it, in process and small.

What is asserted is how much was read: a reader must stop one unit past its limit, whatever the
input holds after it (the memory of whole runs is `test_hostile.py`).
"""

from __future__ import annotations

import io
import json

import pytest

from strife.ingest import InputProblem, ReadOptions, read_stream
from strife.ingest.bounded import LongLine, TextAsBytes, TooLong, bounded_lines, inflate, read_bytes, read_text
from strife.model import Article
from tests.reliability.badinputs import report
from tests.reliability.bombs import MIB, gzip_member


class CountingStream(io.RawIOBase):
    """An endless stream of one byte that counts what was read from it."""

    def __init__(self, byte: bytes = b"x"):
        self.byte, self.read_bytes = byte, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        buffer[:] = self.byte * len(buffer)
        self.read_bytes += len(buffer)
        return len(buffer)


def test_read_text_stops_one_chunk_past_the_limit_of_an_endless_stream():
    endless = CountingStream()
    with pytest.raises(TooLong, match=r"article too long \(more than 1,000 characters; the limit is 1,000, see --max-chars\)"):
        read_text(endless, 1000)
    assert endless.read_bytes <= 2 * 65_536


def test_read_text_counts_characters_not_bytes():
    assert read_text(io.BytesIO("é".encode() * 1000), 1000) == "é" * 1000
    with pytest.raises(TooLong):
        read_text(io.BytesIO("é".encode() * 1001), 1000)


def test_read_text_keeps_the_messages_for_binary_and_bad_utf8():
    with pytest.raises(ValueError, match="binary file"):
        read_text(io.BytesIO(b"abc\x00def"), 100)
    with pytest.raises(ValueError, match=r"not valid UTF-8 \(byte 3\)"):
        read_text(io.BytesIO(b"abc\xffdef"), 100)
    assert read_text(io.BytesIO("\ufeffbom".encode()), 100) == "bom"


def test_inflate_stops_one_byte_past_the_limit():
    bomb = gzip_member(b"", b"\x00", 64 * MIB)
    with pytest.raises(TooLong, match="more than 1,000,000 bytes"):
        inflate(bomb, 1_000_000)
    assert inflate(gzip_member(b"ok", b"a", MIB), 2 * MIB) == b"ok" + b"a" * MIB
    assert read_bytes(io.BytesIO(b"plain"), 10) == b"plain"


def test_a_long_line_is_skipped_in_pieces_and_its_place_kept():
    data = b"one\n" + b"x" * 300_000 + b"\nthree\n"
    assert list(bounded_lines(io.BytesIO(data), 1000)) == [b"one\n", LongLine(1000), b"three\n"]


def test_a_caller_text_stream_is_read_as_bytes_in_pieces():
    stream = io.BufferedReader(TextAsBytes(io.StringIO("é" * 100_000)))
    assert stream.read(4) == "éé".encode()


def results(data: bytes, name: str, max_chars: int = 2000) -> list:
    return list(read_stream(io.BytesIO(data), name, ReadOptions(max_chars=max_chars, language=None), name))


def test_text_over_the_limit_is_one_limit_problem():
    (problem,) = results(("a" * 2001).encode(), "long.txt")
    assert isinstance(problem, InputProblem) and problem.stage == "limit" and "more than 2,000 characters" in problem.message
    (article,) = results(("a" * 2000).encode(), "fits.txt")
    assert isinstance(article, Article)


def test_a_json_line_over_its_limit_is_rejected_with_its_number():
    long_text = "x" * (6 * 2000 + 70_000)
    lines = [json.dumps({"text": report(1)}), json.dumps({"text": long_text}), json.dumps({"text": report(2)})]
    found = results("\n".join(lines).encode(), "batch.jsonl")
    assert [type(item) for item in found] == [Article, InputProblem, Article]
    assert found[1].origin == "batch.jsonl:2"
    assert found[1].message == "line too long (more than 77,536 bytes; room for an article of 2,000 characters, see --max-chars)"


@pytest.mark.parametrize("cell", [
    '"' + "word " * 20_000 + '"',  # quoted, on one line
    '"' + "word\n" * 20_000 + '"',  # quoted, over 20,000 lines
    "word " * 20_000,  # unquoted
    '"' + 'he said ""no"" ' * 8_000 + '"',  # doubled quotes
])
def test_a_csv_row_over_its_limit_is_rejected_with_its_first_line_and_the_rest_read(cell):
    data = f'id,text\na,"{report(1)}"\nhuge,{cell}\nb,"{report(2)}"\nc,"{report(3)}"\n'.encode()
    found = results(data, "export.csv")
    assert [type(item) for item in found] == [Article, InputProblem, Article, Article]
    assert found[1].origin == "export.csv:3" and "row too long" in found[1].message and found[1].stage == "limit"
    assert [item.id for item in found if isinstance(item, Article)] == ["a", "b", "c"]
    assert found[3].text == report(3)


def test_csv_rows_spanning_lines_keep_their_line_numbers():
    data = f'id,text\na,"{report(1)}\n\nsecond paragraph"\nb,"{report(2)}"\n'.encode()
    found = results(data, "multi.csv")
    assert [item.origin for item in found] == ["multi.csv:4", "multi.csv:5"]
    assert found[0].text.endswith("second paragraph")


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_rows_after_dropped_rows_keep_their_line_numbers_whatever_the_line_ends(end):
    """A dropped row is passed over in large pieces, not line by line: what the last piece holds
    past the row's end is still read as the next rows, with the right numbers."""
    cell = '"' + f'he said ""no""{end}' * 8_000 + '"'  # 8,001 lines, past the row limit
    rows = ["id,text", f'a,"{report(1)}"', f"huge,{cell}", "long," + "word " * 20_000, f'b,"{report(2)}"',
            f'c,"{report(3)}{end}{end}more"']
    found = results(end.join(rows).encode() + end.encode(), "export.csv")
    assert [item.origin for item in found] == ["export.csv:2", "export.csv:3", "export.csv:8004", "export.csv:8005",
                                               "export.csv:8008"]
    assert [type(item) for item in found] == [Article, InputProblem, InputProblem, Article, Article]
    assert found[3].text == report(2) and found[4].text.endswith("more")
