"""Fatality and date accuracy on the ACLED dev records, as a markdown table for RESULTS.md.

    .venv/bin/python bench/figures.py [--gold ../shared/gold/dev/acled-2020-dev.csv] [--limit N]

Each record's `notes` is coded as a short article published on its `event_date`; the event
`strife eval` credits to the record is the most confident one with an ACLED type. ACLED
conventions (see ../shared/gold/README.md) are followed: an unknown toll is 0; a predicted
count with no exact `best` counts as its low bound; records whose toll is a coding convention
("20 fatalities split up between 3 events", "coded as 10") are left out of the fatality figures
and counted as such. "Exact where deaths > 0" is the figure to watch: always answering 0 is
already right for about 78% of records.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.engine import LocalEngine
from strife.evaluate import evaluate_file

FIGURES = (
    ("fatalities_exact", "Fatalities exact"),
    ("fatalities_exact_deaths", "Fatalities exact, gold deaths > 0"),
    ("fatalities_within_10pct", "Fatalities within ±10%"),
    ("date_exact", "Date exact (first and last day)"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold" / "dev" / "acled-2020-dev.csv"
    parser.add_argument("--gold", type=Path, default=default)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N records (while iterating).")
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"figures: no ACLED gold at {args.gold}", file=sys.stderr)
        return 2
    began = time.perf_counter()
    evaluation = evaluate_file(args.gold, "acled", LocalEngine(), limit=args.limit)
    metrics = evaluation.metrics()
    print(f"# Figures and dates on {args.gold.name}\n")
    print(f"{platform.node()} · {os.cpu_count()} CPUs · Python {platform.python_version()} · {dt.date.today()} · "
          f"{evaluation.n_cases} records · {time.perf_counter() - began:.0f} s\n")
    print("| metric | value | 95% CI | n |\n|---|---|---|---|")
    for key, label in FIGURES:
        if key in metrics:
            m = metrics[key]
            print(f"| {label} | {m.value:.3f} | {m.low:.3f}–{m.high:.3f} | {m.n} |")
    for reason, count in evaluation.left_out().items():
        print(f"\nLeft out of the fatality figures ({reason.replace('_', ' ')}): {count} records.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
