"""Hostile inputs made in a blink: decompression bombs, a huge line, a huge cell, entity attacks.

A 2 GiB gzip bomb is about 2 MB on disk and is written here without compressing 2 GiB: one block
of compressed filler, cut off from what came before (a full flush), is the same bytes every time,
so the member is that block repeated, then the gzip trailer, whose CRC-32 is combined from the
block's (zlib's crc32_combine, which Python's zlib does not expose) rather than read over 2 GiB.
The reliability tests and `bench/hostile.py` share these.
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

MIB = 1 << 20
GIB = 1 << 30


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, row = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[row]
        vector >>= 1
        row += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, matrix[n]) for n in range(32)]


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """The CRC-32 of A followed by B from crc(A), crc(B) and len(B) (zlib's crc32_combine)."""
    if len2 <= 0:
        return crc1
    operator = [0xEDB88320] + [1 << n for n in range(31)]  # the operator for one zero bit
    for _ in range(3):
        operator = _gf2_square(operator)  # two, four, then eight zero bits: one zero byte
    while len2:  # apply len2 zero bytes to crc1, one power of two of them per bit of len2
        if len2 & 1:
            crc1 = _gf2_times(operator, crc1)
        len2 >>= 1
        if len2:
            operator = _gf2_square(operator)
    return crc1 ^ crc2


def crc32_repeated(block: bytes, times: int, crc: int = 0) -> int:
    """zlib.crc32(block * times, crc) without reading block * times bytes."""
    power, power_len = zlib.crc32(block), len(block)  # crc of block * 2**k
    while times:
        if times & 1:
            crc = crc32_combine(crc, power, power_len)
        times >>= 1
        if times:
            power, power_len = crc32_combine(power, power, power_len), power_len * 2
    return crc


def gzip_member(prefix: bytes, filler: bytes, size: int, suffix: bytes = b"") -> bytes:
    """One gzip member inflating to `prefix`, `size` bytes of `filler` (a byte), then `suffix`."""
    assert len(filler) == 1 and size % MIB == 0
    block, raw = bytes(filler * MIB), zlib.compressobj(9, zlib.DEFLATED, -15)
    head = raw.compress(prefix) + raw.flush(zlib.Z_FULL_FLUSH)
    body = raw.compress(block) + raw.flush(zlib.Z_FULL_FLUSH)
    tail = raw.compress(suffix) + raw.flush()
    crc = zlib.crc32(suffix, crc32_repeated(block, size // MIB, zlib.crc32(prefix)))
    total = (len(prefix) + size + len(suffix)) & 0xFFFFFFFF
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + head + body * (size // MIB) + tail + struct.pack("<II", crc, total)


def text_bomb(path: Path, size: int = 2 * GIB) -> Path:
    """A `.txt.gz` of one article that inflates to `size` bytes."""
    path.write_bytes(gzip_member(b"Gunmen attacked a checkpoint in Aden. ", b"x", size))
    return path


def warc_record(uri: str, http_block: bytes) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2020-05-11T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http_block)}\r\n\r\n").encode()
    return head + http_block + b"\r\n\r\n"


def http_response(body: bytes, length: int | None = None) -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(body) if length is None else length}\r\n\r\n".encode() + body)


def page(text: str) -> bytes:
    return f"<html><head><title>News</title></head><body><article><p>{text}</p></article></body></html>".encode()


def warc_bomb(path: Path, good: list[str], size: int = 2 * GIB) -> Path:
    """A `.warc.gz`: a good page, a page whose record inflates to `size` bytes, the other good pages."""
    members = [zlib.compress(warc_record("https://news.example/0", http_response(page(good[0]))), wbits=31)]
    body_head = b"<html><body><article><p>"
    http_head = http_response(b"", length=len(body_head) + size)
    record_head = warc_record("https://news.example/bomb", http_head + body_head)[:-4]  # the record's own head
    record_head = record_head.replace(f"Content-Length: {len(http_head) + len(body_head)}\r\n".encode(),
                                      f"Content-Length: {len(http_head) + len(body_head) + size}\r\n".encode())
    members.append(gzip_member(record_head, b" ", size, b"\r\n\r\n"))
    members += [zlib.compress(warc_record(f"https://news.example/{n}", http_response(page(text))), wbits=31)
                for n, text in enumerate(good[1:], start=1)]
    path.write_bytes(b"".join(members))
    return path


def huge_line(path: Path, good: list[str], size: int) -> Path:
    """JSON Lines: good articles around one line of `size` bytes (written in pieces)."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g0", "text": good[0]}) + "\n")
        handle.write('{"id": "huge", "text": "')
        chunk = "Gunmen attacked. " * (MIB // 17)
        for _ in range(size // len(chunk)):
            handle.write(chunk)
        handle.write('"}\n')
        for n, text in enumerate(good[1:], start=1):
            handle.write(json.dumps({"id": f"g{n}", "text": text}) + "\n")
    return path


def huge_cell(path: Path, good: list[str], size: int) -> Path:
    """CSV: good rows around one row whose quoted text cell is `size` bytes over many lines."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("id,text\n")
        handle.write(f'g0,"{good[0]}"\n')
        handle.write('huge,"')
        chunk = 'Gunmen said ""no"".\n' * (MIB // 20)
        for _ in range(size // len(chunk)):
            handle.write(chunk)
        handle.write('"\n')
        for n, text in enumerate(good[1:], start=1):
            handle.write(f'g{n},"{text}"\n')
    return path


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>Attack in Aden</title><link>https://news.example/laughs</link>
<description>&lol9; {good}</description></item>
</channel></rss>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
<rss version="2.0"><channel><title>Entities</title>
<item><title>Attack in Taiz</title><link>https://news.example/xxe</link>
<description>{good} &xxe;</description></item>
</channel></rss>
"""
