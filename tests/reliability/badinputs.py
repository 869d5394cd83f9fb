"""A corpus of bad inputs, generated on demand (nothing big is committed): what a real news feed,
scrape or archive throws at strife sooner or later.

Each `BadInput` names a file and what strife must make of it: how many articles it codes, how
many inputs it rejects, how many it skips (another language) and a phrase the rejection message
must contain. The reliability tests and `bench/reliability.py` share this one list.
"""

from __future__ import annotations

import itertools
import json
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

TOWNS = ("Aden", "Taiz", "Marib", "Hodeidah", "Sanaa", "Ibb", "Dhamar", "Saada", "Hajjah", "Lahij")
GOOD_TEXT = ("Gunmen attacked a police checkpoint in Aden on Monday, killing four soldiers and wounding "
             "seven others, security officials said.")


def report(n: int) -> str:
    """A short, distinct, well-formed conflict report (the good articles among the bad)."""
    return (f"Gunmen attacked a police checkpoint in {TOWNS[n % len(TOWNS)]} on Monday, killing {n + 2} soldiers "
            f"and wounding {n + 7} others, security officials said.")
NUMBERS_TEXTS = (
    "An explosion in Mogadishu killed 1e400 people, a hoax post claimed on Tuesday.",
    "Officials said 999999999999999999999 people were killed in the shelling of Idlib on Monday.",
    "Rebels said -5 soldiers were killed and 3.5e12 were wounded near Rutshuru on Friday.",
)
ARABIC = ("قتل أربعة جنود وأصيب سبعة آخرون عندما هاجم مسلحون نقطة تفتيش للشرطة في عدن يوم الاثنين، "
          "حسبما أفاد مسؤولون أمنيون. وقالت مصادر محلية إن المهاجمين فروا إلى منطقة جبلية قريبة.")
CHINESE = ("周一，武装分子袭击了亚丁的一个警察检查站，造成四名士兵死亡，另有七人受伤。安全官员表示，"
           "袭击者随后逃往附近的山区，当局已经展开搜捕行动。")
RUSSIAN = ("В понедельник боевики напали на полицейский блокпост в Адене, убив четырех военнослужащих и "
           "ранив еще семерых, сообщили представители служб безопасности. Нападавшие скрылись в горах.")
MIXED_SCRIPTS = "Gunmen killed 4 soldiers in Aden (عدن) on Monday; 亚丁 officials said 7 were hurt. Ünïcödé \u202eRTL\u202c override."


@dataclass(frozen=True)
class BadInput:
    """One generated input and what strife must do with it."""

    name: str
    path: Path
    coded: int = 0  # articles coded (and, by `strife ingest`, stored)
    rejected: int = 0  # inputs reported as rejected (exit code 1)
    skipped: int = 0  # articles read but not coded (another language; exit code 0)
    says: str = ""  # a phrase every rejection of this input must contain
    slow: bool = False


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def write_bad_inputs(folder: Path, huge: bool = False) -> list[BadInput]:
    """Write the corpus into `folder` (created); `huge` adds the 50 MB single article."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(13)
    cases: list[BadInput] = []
    serial = itertools.count()

    def good() -> str:
        return report(next(serial))

    def add(name: str, content: bytes | str, **expect) -> None:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        cases.append(BadInput(name, path, **expect))

    add("empty.txt", b"", rejected=1, says="empty article")
    add("blank.txt", " \n\t\r\n \n", rejected=1, says="empty article")
    add("image.png", png_bytes(), rejected=1, says="binary file")
    add("urandom.bin", bytes([0]) + rng.randbytes(65535), rejected=1, says="binary file")
    add("noise.txt", bytes(rng.randrange(128, 256) for _ in range(4096)), rejected=1, says="not valid UTF-8")
    add("invalid-utf8.txt", GOOD_TEXT.encode() + b" \xff\xfe\xfd trailing bytes.", rejected=1, says="not valid UTF-8")
    add("mixed-encodings.txt", "Caf\u00e9 owners in Aden said ".encode("latin-1") + GOOD_TEXT.encode("utf-8"),
        rejected=1, says="not valid UTF-8")
    add("bom.txt", "\ufeff" + good(), coded=1)
    add("long-line.txt", "x" * 1_048_576 + "\n", rejected=1, says="too long")
    add("long-line-under-limit.txt", "a" * 400_000 + " " + good(), coded=1)
    add("no-text.html", "<!doctype html><html><head><title></title><script>var a=1;</script></head>"
        "<body><nav><a href='/'>Home</a></nav><div></div></body></html>", rejected=1, says="no article text")
    add("binary.html", b"<html><body>" + bytes(range(256)) * 8 + b"</body></html>", rejected=1, says="binary file")
    add("broken.jsonl", jsonl(
        {"id": "ok-1", "text": good(), "published": "2020-05-11"},
        '{"id": "cut-off", "text": "Gunmen attacked',
        {"id": "ok-2", "text": good(), "published": "2020-05-11"},
        '["not", "an", "object"]',
        {"id": "no-text", "title": "Headline only"},
        "\x00\x01\x02",
        {"id": "ok-3", "text": good(), "published": "2020-05-11"},
    ) + "\xff\xfe not utf-8\n", coded=3, rejected=5)
    add("bad-bytes-line.jsonl", jsonl({"id": "ok", "text": good()}).encode() + b'{"text": "caf\xe9"}\n',
        coded=1, rejected=1, says="not valid UTF-8")
    add("dates.jsonl", jsonl(
        {"id": "month-13", "text": good(), "published": "2016-13-45"},
        {"id": "words", "text": good(), "published": "yesterday-ish"},
        {"id": "year-0", "text": good(), "published": "0000-00-00"},
        {"id": "number", "text": good(), "published": 20161206},
        {"id": "far-future", "text": good(), "published": "9999-12-31"},
    ), coded=5)
    add("dates.csv", "id,published,text\n"
        f'c1,2016-13-45,"{good()}"\n'
        f'c2,32/01/2016,"{good()}"\n'
        'c3,2016-12-06,""\n', coded=2, rejected=1, says="missing or empty")
    add("numbers.jsonl", jsonl(*({"id": f"n{i}", "text": text, "published": "2020-05-11"}
                                 for i, text in enumerate(NUMBERS_TEXTS))), coded=len(NUMBERS_TEXTS))
    add("arabic.txt", ARABIC * 2, skipped=1)
    add("chinese.txt", CHINESE * 3, skipped=1)
    add("russian.txt", RUSSIAN * 2, skipped=1)
    add("mixed-scripts.txt", MIXED_SCRIPTS, coded=1)
    add("control.jsonl", "".join([
        '{"id": "nul", "text": "Gunmen killed four soldiers\\u0000 in Aden on Monday, officials said."}\n',
        '{"id": "bell", "text": "Gunmen\\u0007 killed\\u001b[31m four soldiers in Taiz\\u000b on Monday."}\n',
        '{"id": "bom-inside", "text": "\\ufeffGunmen killed four soldiers in Marib on Monday."}\n',
        '{"id": "lone-surrogate", "text": "Gunmen killed four soldiers in Ibb \\ud83d on Monday \\udc00."}\n',
        '{"id": "rtl-override", "text": "\\u202eGunmen killed four soldiers in Sanaa on Monday.\\u202c"}\n',
    ]), coded=5)
    add("rtl.txt", ARABIC[:60] + " " + good(), coded=1)
    if huge:
        line = GOOD_TEXT + " "
        add("huge-50mb.txt", (line * (50_000_000 // len(line) + 1)).encode(), rejected=1, says="too long", slow=True)
    return cases
