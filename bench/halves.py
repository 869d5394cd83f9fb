"""Every dev set's two fixed halves, scored as a user meets it: the tables for RESULTS.md.

    PYTHONPATH=src .venv/bin/python bench/halves.py [--gold-dir ../shared/gold] [--resamples 2000]

Codes each dev set once (the three ACLED CSVs and the PLOVER GSR JSON: 1,450 + 322 records, well
under a minute on the project's 2-core machine), splits it by the fixed rule of
`strife.evaluate.halves` (sha256 of the record's key, first byte even: "dev", odd: "sealed"), and
prints for each half every headline field end to end (a record with no event is wrong on every
field) and among detected, each with its 95% bootstrap interval and count
(`strife.evaluate.user`). Then one summary table of the main fields for every set and half. The
header names the machine (`uname -a`, cores), the date and the commit, so a row can be traced.

Work on the dev half; read the sealed half's figures, never its records.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.engine import LocalEngine  # noqa: E402
from strife.evaluate import HALVES, HeadlineRow, evaluate_file, half_evaluation, headline, headline_markdown  # noqa: E402
from strife.evaluate.metrics import DEFAULT_RESAMPLES  # noqa: E402

DEV_SETS = (("dev/acled-2020-dev.csv", "acled"), ("dev/acled-2016-africa-dev.csv", "acled"),
            ("dev/acled-2015-south-asia-dev.csv", "acled"), ("dev/plover-gsr-cameo.json", "plover-gsr"))
SUMMARY_FIELDS = ("event_detected", "acled_event_type", "acled_sub_event_type", "plover_type", "fatalities_exact",
                  "location_25km", "date_exact")


def commit() -> str:
    """The commit measured, marked "+dirty" when the work tree has changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout.strip()

    try:
        return git("rev-parse", "--short", "HEAD") + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine() -> str:
    uname = " ".join(platform.uname()[:4]) + " " + platform.machine()
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{uname} · {os.cpu_count()} cores · load {load} · Python {platform.python_version()}"


def summary_cell(rows: list[HeadlineRow], key: str) -> str:
    """ "end-to-end [interval] / among detected" for one field, or a dash when it does not apply."""
    row = next((r for r in rows if r.key == key), None)
    if row is None or row.end_to_end.value is None:
        return "—"
    whole = f"{row.end_to_end.value:.3f} [{row.end_to_end.low:.3f}, {row.end_to_end.high:.3f}]"
    return whole if row.detected is None or row.detected.value is None else f"{whole} / {row.detected.value:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold")
    parser.add_argument("--resamples", type=int, default=DEFAULT_RESAMPLES, help="Bootstrap resamples per figure.")
    args = parser.parse_args()
    if not args.gold_dir.is_dir():
        print(f"halves: no gold folder at {args.gold_dir}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    engine = LocalEngine()
    print(f"# Dev sets by half, scored as a user meets it\n\n{machine()} · {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC"
          f" · commit {commit()}\n")
    halves: list[tuple[str, str, int, list[HeadlineRow]]] = []
    for name, fmt in DEV_SETS:
        path = args.gold_dir / name
        if not path.exists():
            print(f"skipped {name}: not found\n")
            continue
        coded = time.perf_counter()
        whole = evaluate_file(path, fmt, engine, resamples=args.resamples)
        seconds = time.perf_counter() - coded
        print(f"## {path.name} (`--format {fmt}`): {whole.n_cases} records, coded in {seconds:.1f} s\n")
        for half in HALVES:
            part = half_evaluation(whole, half)
            rows = headline(part)
            halves.append((path.name, half, part.n_cases, rows))
            print(f"### {half} half: {part.n_cases} records (`strife eval --half {half}`)\n")
            print(headline_markdown(part, rows) + "\n")
        if whole.problems:
            print(f"{len(whole.problems)} inputs not read or coded (first: {whole.problems[0]})\n")
    print("## Summary: end to end [95% CI] / among detected\n")
    print("| set | half | n | " + " | ".join(SUMMARY_FIELDS) + " |")
    print("|---|---|---:|" + "---|" * len(SUMMARY_FIELDS))
    for name, half, n_cases, rows in halves:
        cells = " | ".join(summary_cell(rows, key) for key in SUMMARY_FIELDS)
        print(f"| {name} | {half} | {n_cases} | {cells} |")
    print(f"\n{time.perf_counter() - started:.0f} s in all.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
