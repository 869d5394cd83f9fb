"""Places stage on long texts: CPU per report as the text grows, against spaCy's parse of the same text.

    .venv/bin/python bench/places_scale.py [--sizes 200,800,1500,3000]

Two kinds of long text, as `strife ingest` meets them in JSON Lines dumps:
- one line of N short reports (`report()` of tests/test_linear.py: a town, a toll, a source);
- N ACLED dev notes joined by blank lines (real toponyms, qualifiers, regions), when ../shared is present.

For each, the places stage (`explain_places`, which `strife_places` runs) is timed in CPU seconds after
spaCy has parsed the text, and so is the parse itself (the baseline, same process, same text). A stage
that stays linear keeps both its ms per report and its ratio to the parse flat as N grows.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from strife.extract.places import explain_places  # noqa: E402
from strife.pipeline import load_pipeline  # noqa: E402
from strife.resolve.geocode import Gazetteer  # noqa: E402
from tests.test_linear import report  # noqa: E402

ACLED_DEV = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold" / "dev" / "acled-2020-dev.csv"


def cpu(action):
    start = time.process_time()
    value = action()
    return value, time.process_time() - start


def acled_notes() -> list[str]:
    if not ACLED_DEV.exists():
        return []
    with open(ACLED_DEV, encoding="utf-8", newline="") as handle:
        return [row["notes"] for row in csv.DictReader(handle)]


def measure(label: str, texts: list[str], sizes: list[int], joiner: str, nlp, gazetteer) -> None:
    print(f"\n{label}\n\n| reports | characters | parse (baseline) | places stage | ms per report | stage / parse |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        text = joiner.join(texts[i % len(texts)] for i in range(size))
        doc, parse = cpu(lambda: nlp(text))
        _, stage = cpu(lambda: explain_places(doc, gazetteer))
        print(f"| {size:,} | {len(text):,} | {parse:.2f} s | {stage:.2f} s | {stage / size * 1000:.2f} | "
              f"{stage / parse:.3f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,800,1500,3000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"{platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} CPUs · "
          f"Python {platform.python_version()} · {dt.date.today()} · {commit}")
    nlp = load_pipeline(stages=())
    nlp.max_length = 10_000_000
    gazetteer = Gazetteer.default()
    explain_places(nlp("Warm-up: shelling hit eastern Aleppo, Idlib province."), gazetteer)  # index and data files
    measure("One line of short reports (`tests/test_linear.py::report`)", [report(n) for n in range(max(sizes))],
            sizes, " ", nlp, gazetteer)
    notes = acled_notes()
    if notes:
        measure("ACLED dev notes, one per paragraph", notes, sizes, "\n\n", nlp, gazetteer)
    else:
        print(f"\n(ACLED dev notes not found at {ACLED_DEV}: that table is skipped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
