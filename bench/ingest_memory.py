"""Readers stream: reading a large JSON Lines file takes no more memory than reading a small one.

Generates a small and a large JSONL file (plain and gzip) of realistic articles in a temporary
folder, reads each through `strife.ingest.read_path` (detection, decoding, language check, Article
records: everything before coding), and prints the peak traced Python memory for each and the
large/small ratio. A reader that loaded its input would show a ratio near the size ratio.

    python bench/ingest_memory.py            # 200 MB large file
    python bench/ingest_memory.py --mb 1000  # the issue's 1 GB
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from strife.ingest import ReadOptions, read_path
from strife.model import Article

PARAGRAPH = ("Government forces shelled rebel-held districts of the city on Tuesday, killing at least {n} civilians "
             "and wounding dozens more, a monitoring group said. Rebels responded with rocket fire on "
             "government-held neighbourhoods, state media reported. ")


def write_jsonl(path: Path, megabytes: float) -> int:
    """Articles of ~3 KB each until the file reaches `megabytes`; returns how many."""
    target, written, n = megabytes * 1_000_000, 0, 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        while written < target:
            n += 1
            line = json.dumps({"id": f"a{n}", "text": PARAGRAPH.format(n=n % 90) * 12, "published": "2016-12-06",
                               "url": f"https://news.example/{n}", "title": f"Shelling kills {n % 90}"}) + "\n"
            handle.write(line)
            written += len(line)
    return n


def measure(path: Path, options: ReadOptions) -> tuple[int, int, float]:
    """(articles read, peak traced bytes, seconds) for reading the whole file."""
    tracemalloc.start()
    started = time.perf_counter()
    count = sum(isinstance(item, Article) for item in read_path(path, options=options))
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return count, peak, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200.0, help="size of the large file in MB")
    parser.add_argument("--small-mb", type=float, default=2.0)
    args = parser.parse_args()
    options = ReadOptions(language=None)  # language detection measured separately below (CPU, not memory)
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".jsonl", ".jsonl.gz"):
            small, large = Path(folder, f"small{suffix}"), Path(folder, f"large{suffix}")
            write_jsonl(small, args.small_mb)
            write_jsonl(large, args.mb)
            n_small, peak_small, _ = measure(small, options)
            n_large, peak_large, seconds = measure(large, options)
            print(f"{suffix:10} small {args.small_mb:g} MB: {n_small:7,} articles, peak {peak_small / 1e6:6.2f} MB | "
                  f"large {args.mb:g} MB: {n_large:9,} articles, peak {peak_large / 1e6:6.2f} MB, "
                  f"{n_large / seconds:,.0f} articles/s | peak ratio large/small {peak_large / peak_small:.2f} "
                  f"(size ratio {large.stat().st_size / small.stat().st_size:.0f})")
        n_lang, peak_lang, seconds = measure(Path(folder, "small.jsonl"), ReadOptions())
        print(f"with language detection (small file): {n_lang / seconds:,.0f} articles/s, peak {peak_lang / 1e6:.2f} MB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS over the whole run: {rss:.0f} MB (python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
