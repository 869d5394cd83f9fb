"""Hostile and repeated input (issue #27): how fast a bomb is rejected, what memory a run peaks at,
and what a re-ingest of stored articles costs beside the first ingest.

1. Bombs, read only (no model): a 2 GiB `.txt.gz` and a 2 GiB WARC record through `read_path`,
   with the time each takes to be rejected (the issue: "well under a second" for the gzip bomb).
2. Bombs through `strife ingest` in a child process: peak RSS (getrusage RUSAGE_CHILDREN) for each
   case of `tests/reliability/test_hostile.py`, beside a run on one good article.
3. Re-ingest: N realistic articles (`bench/corpus.py`) coded and stored with `code_and_store`, then
   the same N again, in one process with one engine: the ratio of the two times, on SQLite and (when
   the Debian PostgreSQL binaries are there) on a throwaway PostgreSQL server on 127.0.0.1.

    python bench/hostile.py                 # all three, 300 articles
    python bench/hostile.py --skip-memory   # 1 and 3 only
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from strife.ingest import ReadOptions, read_path  # noqa: E402
from tests.reliability.badinputs import report  # noqa: E402
from tests.reliability.bombs import GIB, MIB, huge_cell, huge_line, text_bomb, warc_bomb  # noqa: E402

STRIFE = str(Path(sys.executable).parent / "strife")


def read_seconds(path: Path) -> tuple[float, list[str]]:
    """Seconds to read `path` to the end (articles and problems), and the problems."""
    started = time.perf_counter()
    found = list(read_path(path, options=ReadOptions(language=None)))
    return time.perf_counter() - started, [str(item) for item in found if hasattr(item, "fatal")]


def bombs_read(folder: Path) -> list[tuple[str, str]]:
    rows = []
    bomb = text_bomb(folder / "bomb.txt.gz", 2 * GIB)
    seconds, problems = read_seconds(bomb)
    rows.append(("2 GiB `.txt.gz` (2.1 MB on disk), read and rejected", f"{seconds:.3f} s: {problems[0]}"))
    archive = warc_bomb(folder / "crawl.warc.gz", [f"{report(n)} Residents said so." for n in range(3)], 2 * GIB)
    seconds, problems = read_seconds(archive)
    rows.append(("2 GiB WARC record among 3 good pages, read to the end", f"{seconds:.2f} s (the record is inflated to "
                 f"reach the next one, in constant memory): {problems[0]}"))
    return rows


RUN_MEASURED = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_mb(*args: str) -> float:
    out = subprocess.run([sys.executable, "-c", RUN_MEASURED, STRIFE, *args], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def memory(folder: Path) -> list[tuple[str, str]]:
    good = folder / "good.txt"
    good.write_text(report(1), encoding="utf-8")
    cases = {
        "one good article (the baseline)": good,
        "2 GiB `.txt.gz` + 1 good": text_bomb(folder / "bomb.txt.gz", 2 * GIB),
        "2 GiB WARC record + 3 good pages": warc_bomb(folder / "crawl.warc.gz", [report(n) for n in range(3)], 2 * GIB),
        "299 MB JSON line + 3 good": huge_line(folder / "line.jsonl", [report(n) for n in range(3)], 299 * MIB),
        "115 MB CSV cell + 3 good": huge_cell(folder / "cell.csv", [report(n) for n in range(3)], 115 * MIB),
    }
    rows = []
    for n, (name, path) in enumerate(cases.items()):
        extra = [str(good)] if "txt.gz" in name else []
        rows.append((name, f"{peak_mb('ingest', str(path), *extra, '--db', str(folder / f'm{n}.db')):.0f} MB"))
    return rows


def reingest(url: str, records: list, engine) -> tuple[float, float, float]:
    """Seconds of the first ingest, of the second (all stored), and of a --recode, on one database."""
    from strife.intake import code_and_store
    from strife.store import Store

    times = []
    with Store(url) as store:
        for recode in (False, False, True):
            started = time.perf_counter()
            list(code_and_store(store, engine, records, recode=recode))
            times.append(time.perf_counter() - started)
    return times[0], times[1], times[2]


def repeated(folder: Path, n: int) -> list[tuple[str, str]]:
    from corpus import articles

    from strife.engine import LocalEngine
    from strife.model import Article

    records = articles(n)
    engine = LocalEngine()
    engine.code(Article(text=report(0)))  # load the stages' data outside the timings
    rows = []
    backends = [("SQLite", f"sqlite:///{folder / 'repeat.db'}")]
    server = _postgres()
    if server is not None:
        from tests.conftest_pg import create_database

        backends.append(("PostgreSQL", create_database(server, "strife_bench_repeat")))
    try:
        for name, url in backends:
            first, second, recode = reingest(url, records, engine)
            rows.append((f"{name}: {n} articles, first ingest / re-ingest / --recode",
                         f"{first:.2f} s / {second:.3f} s / {recode:.2f} s: re-ingest ×{second / first:.4f} of the first"))
    finally:
        if server is not None:
            server.stop()
    return rows


def _postgres():
    try:
        from tests.conftest_pg import PostgresServer, find_pg_bin

        server = PostgresServer(find_pg_bin())
        server.start()
        return server
    except Exception as error:  # noqa: BLE001 - the bench then reports SQLite only
        print(f"(no PostgreSQL: {error})", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args(argv)
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="strife-hostile-") as tmp:
        folder = Path(tmp)
        rows = bombs_read(folder)
        if not args.skip_memory:
            rows += memory(folder)
        rows += repeated(folder, args.articles)
    print("| what | result |\n|---|---|")
    for what, result in rows:
        print(f"| {what} | {result} |")
    print(json.dumps({"peak_rss_of_this_process_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
