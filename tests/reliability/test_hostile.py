"""Hostile input through the real `strife` command: memory stays bounded by the limit, never by the input.

Each case runs `strife ingest` (or `strife watch`) in a child process and reads its peak resident
memory from `getrusage(RUSAGE_CHILDREN)` in a small wrapper process. The pipeline alone peaks near
300 MB; reading a 2 GiB bomb whole used to add its size. No wall-clock time is asserted here (how
fast a bomb is rejected is `bench/hostile.py`); what is asserted is what was read, kept and stored.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator, Optional

import pytest

from strife.store import Store
from tests.reliability.badinputs import report
from tests.reliability.bombs import (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    GIB,
    MIB,
    crc32_repeated,
    gzip_member,
    huge_cell,
    huge_line,
    text_bomb,
    warc_bomb,
)
from tests.test_cli import STRIFE

PEAK_LIMIT_MB = 600  # the bound for a 2 GiB bomb; the pipeline alone takes about half

RUN_MEASURED = """
import json, resource, subprocess, sys
stdin = open(sys.argv[1], "rb") if sys.argv[1] else subprocess.DEVNULL
done = subprocess.run(sys.argv[2:], stdin=stdin, capture_output=True, text=True)
print(json.dumps({"rc": done.returncode, "peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "stdout": done.stdout, "stderr": done.stderr}))
"""


class Run:
    """One measured `strife` run: exit code, peak RSS (MB), output."""

    def __init__(self, rc: int, peak_kb: int, stdout: str, stderr: str):
        self.rc, self.peak_mb, self.stdout, self.stderr = rc, peak_kb / 1024, stdout, stderr

    @property
    def summary(self) -> dict:
        return json.loads(self.stdout.strip().splitlines()[-1])

    def rejections(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("strife: rejected: ")]


def measured(*args: str, stdin: Optional[Path] = None) -> Run:
    """`strife *args` in a child process, its peak RSS read by a wrapper from RUSAGE_CHILDREN."""
    env = {k: v for k, v in os.environ.items() if k != "STRIFE_DB"}
    out = subprocess.run([sys.executable, "-c", RUN_MEASURED, str(stdin or ""), STRIFE, *args], capture_output=True,
                         text=True, env=env, timeout=900, check=True).stdout
    found = json.loads(out)
    return Run(found["rc"], found["peak_kb"], found["stdout"], found["stderr"])


def assert_clean(run: Run) -> None:
    """One line per problem, never a traceback; peak memory under the bound."""
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert all(line.startswith("strife: ") for line in run.stderr.splitlines()), run.stderr[-3000:]
    assert run.peak_mb < PEAK_LIMIT_MB, f"peak RSS {run.peak_mb:.0f} MB"


def stored_texts(db: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM articles")]


def test_a_bomb_is_a_whole_gzip_member_and_its_crc_is_the_inflated_bytes():
    """The trailer's CRC-32 is combined, not read over the bomb: gzip checks it and the length."""
    import zlib

    member = gzip_member(b"<p>", b" ", 8 * MIB, b"</p>")
    assert gzip.decompress(member) == b"<p>" + b" " * (8 * MIB) + b"</p>"
    for block, times, seed in ((b"ab", 1, 0), (b"xyz" * 100, 37, 5), (b"q", 0, 7)):
        assert crc32_repeated(block, times, seed) == zlib.crc32(block * times, seed)


class Batch:
    """One measured `strife ingest` over every hostile file at once, and what it stored: each file's
    test reads its own rejection line and its own good articles from it (one child process, and one
    pipeline start-up, for all; the bound on peak memory holds for the whole run)."""

    def __init__(self, folder: Path):
        self.folder, self.db = folder, folder / "t.db"
        self.good = folder / "good-2020-05-11.txt"
        self.good.write_text(report(40), encoding="utf-8")
        self.bomb = text_bomb(folder / "bomb.txt.gz", 2 * GIB)
        self.archive = warc_bomb(folder / "crawl.warc.gz", [self.warc_text(n) for n in range(50, 53)], 2 * GIB)
        self.batch = huge_line(folder / "batch.jsonl", [report(n) for n in range(60, 63)], 299 * MIB)
        self.table = huge_cell(folder / "export.csv", [report(n) for n in range(70, 73)], 115 * MIB)
        self.laughs = folder / "laughs.xml"
        self.laughs.write_text(BILLION_LAUGHS.replace("{good}", report(80)), encoding="utf-8")
        secret = folder / "secret.txt"
        secret.write_text("TOP-SECRET-MARKER-6c1f", encoding="utf-8")
        self.feeds = []
        for name, target in (("xxe.xml", secret), ("passwd.xml", Path("/etc/passwd"))):
            feed = folder / name
            feed.write_text(EXTERNAL_ENTITY.replace("{secret}", str(target)).replace("{good}", report(81)), encoding="utf-8")
            self.feeds.append(feed)
        files = [self.bomb, self.good, self.archive, self.batch, self.table, self.laughs, *self.feeds]
        self.run = measured("ingest", *map(str, files), "--db", str(self.db), "--json")
        self.texts = stored_texts(self.db)

    @staticmethod
    def warc_text(n: int) -> str:
        return f"{report(n)} Residents said the fighting went on for hours."

    def rejections_of(self, path: Path) -> list[str]:
        return [line for line in self.run.rejections() if line.startswith(f"strife: rejected: {path}")]

    def stored(self, text: str) -> bool:
        return any(text in stored for stored in self.texts)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Batch:
    return Batch(tmp_path_factory.mktemp("hostile"))


@pytest.mark.slow
def test_the_hostile_batch_is_read_within_the_bound_and_its_good_articles_stored(batch):
    assert_clean(batch.run)
    assert batch.run.rc == 1 and batch.run.summary["rejected"] == 4, batch.run.stderr
    assert len(batch.run.rejections()) == 4


def test_a_2_gib_gzip_bomb_is_rejected_at_the_limit_and_the_batch_stored(batch):
    (line,) = batch.rejections_of(batch.bomb)
    assert "too long (more than 1,000,000 characters" in line and "--max-chars" in line
    assert batch.stored(report(40))


def test_a_gzip_bomb_on_standard_input_is_rejected_at_the_limit(tmp_path, batch):
    run = measured("ingest", "-", "--db", str(tmp_path / "t.db"), "--json", stdin=batch.bomb)
    assert_clean(run)
    assert run.rc == 1 and run.summary["rejected"] == 1
    assert "<stdin>: article too long" in run.rejections()[0]


def test_a_2_gib_warc_record_is_rejected_and_the_other_pages_stored(batch):
    (line,) = batch.rejections_of(batch.archive)
    assert "crawl.warc.gz:2: https://news.example/bomb: page too long" in line
    assert all(batch.stored(batch.warc_text(n)) for n in range(50, 53))


def test_a_299_mb_json_line_is_rejected_with_its_number_and_the_rest_stored(batch):
    (line,) = batch.rejections_of(batch.batch)
    assert f"{batch.batch}:2: line too long" in line and "--max-chars" in line
    assert all(batch.stored(report(n)) for n in range(60, 63))


def test_a_115_mb_csv_cell_is_rejected_with_its_row_and_the_rest_stored(batch):
    (line,) = batch.rejections_of(batch.table)
    assert f"{batch.table}:3: row too long" in line  # the row starts on line 3, after the header and one row
    assert all(batch.stored(report(n)) for n in range(70, 73))


def test_billion_laughs_in_a_feed_is_not_expanded(batch):
    assert "lollollol" not in batch.run.stdout + batch.run.stderr
    assert all("lollol" not in text for text in batch.texts)


def test_an_external_entity_in_a_feed_is_not_read(batch):
    leaked = batch.run.stdout + batch.run.stderr + "".join(batch.texts)
    assert "TOP-SECRET-MARKER" not in leaked and "root:" not in leaked


# ------------------------------------------------------------------ a page served from 127.0.0.1
@functools.cache
def _page_bomb() -> bytes:
    return gzip_member(b"<html><body><article><p>", b" ", 2 * GIB)


class _BombHandler(http.server.BaseHTTPRequestHandler):
    """Serves a page whose gzip Content-Encoding inflates to 2 GiB, and a feed linking to it."""

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path.startswith("/feed"):
            host = f"http://127.0.0.1:{self.server.server_address[1]}"
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bombs</title><item><title>Aden</title>'
                    f"<link>{host}/bomb.html</link><description>{report(90)}</description></item></channel></rss>").encode()
            self._send(body, "application/rss+xml")
        else:
            self._send(_page_bomb(), "text/html; charset=utf-8", encoding="gzip")

    def _send(self, body: bytes, kind: str, encoding: Optional[str] = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def bomb_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _BombHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_gzip_encoded_page_from_127_0_0_1_is_rejected_at_the_limit(tmp_path, bomb_server):
    run = measured("ingest", f"{bomb_server}/bomb.html", "--db", str(tmp_path / "t.db"), "--json")
    assert_clean(run)
    assert run.rc == 1 and run.summary["rejected"] == 1
    assert "too long (more than 20,000,000 bytes" in run.rejections()[0]


def test_a_feed_entry_linking_to_a_gzip_bomb_is_coded_from_its_summary(tmp_path, bomb_server):
    run = measured("watch", f"{bomb_server}/feed.xml", "--once", "--fetch-links", "--db", str(tmp_path / "t.db"), "--json")
    assert_clean(run)
    poll = run.summary
    assert poll["stored"] == 1 and poll["rejected"] == 0, run.stderr
    assert "linked page not fetched" in run.stderr and "too long" in run.stderr


def test_the_api_does_not_inflate_a_gzip_encoded_upload(tmp_path):
    from fastapi.testclient import TestClient

    from strife.api import create_app

    body = gzip.compress(json.dumps({"text": "x" * (50 * MIB)}).encode())  # 50 MB of JSON in 50 kB
    with TestClient(create_app(str(tmp_path / "api.db"), token="t0ken")) as client:
        answer = client.post("/api/articles", content=body, headers={
            "Authorization": "Bearer t0ken", "Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert answer.status_code == 400 and "not UTF-8" in answer.json()["error"]
    with Store(str(tmp_path / "api.db")) as store:
        assert store.counts()["articles"] == 0
