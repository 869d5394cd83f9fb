"""Run `strife eval` on every gold file in ../shared/gold/ and print the tables for RESULTS.md.

    .venv/bin/python bench/eval_gold.py [--gold-dir ../shared/gold] [--report-dir /tmp/strife-eval]

The format of each file is told by its name (see FORMAT_BY_NAME); files of no known format are
listed and skipped. Prints, per file, first the headline as a user meets it (each field end to end,
then among detected; `strife.evaluate.user`), then every metric on the matched events, as markdown
tables (value, 95% bootstrap CI, count), with the machine, the date, the commit and the seconds it
took. `bench/halves.py` prints the headline for each fixed half of the dev sets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from halves import commit  # noqa: E402  (the one commit label of the accuracy benches)
from strife.engine import LocalEngine  # noqa: E402
from strife.evaluate import evaluate_file, headline_markdown, metrics_markdown, write_report  # noqa: E402

FORMAT_BY_NAME = (("*.events.json", "strife"), ("acled*.csv", "acled"), ("ucdp*.csv", "ucdp"),
                  ("plover*.json", "plover-gsr"))


def gold_files(folder: Path) -> list[tuple[Path, str | None]]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".csv", ".json")):
        fmt = next((f for pattern, f in FORMAT_BY_NAME if fnmatch(path.name, pattern)), None)
        found.append((path, fmt))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold")
    parser.add_argument("--report-dir", type=Path, default=None, help="Write eval.json/eval.html per file here.")
    args = parser.parse_args()
    if not args.gold_dir.is_dir():
        print(f"eval_gold: no gold folder at {args.gold_dir}", file=sys.stderr)
        return 2
    engine = LocalEngine()
    print(f"# strife eval on {args.gold_dir}\n")
    print(f"{platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} CPUs · "
          f"Python {platform.python_version()} · {dt.date.today()} · commit {commit()}\n")
    for path, fmt in gold_files(args.gold_dir):
        if fmt is None:
            print(f"skipped {path.name}: no known gold format by its name\n")
            continue
        started = time.perf_counter()
        evaluation = evaluate_file(path, fmt, engine)
        seconds = time.perf_counter() - started
        print(f"## {path.name} (`--format {fmt}`): {evaluation.n_cases} texts, {len(evaluation.records)} gold events, "
              f"{seconds:.1f} s\n")
        print("Scored as a user meets it:\n")
        print(headline_markdown(evaluation))
        print("\nEvery metric, matched events:\n")
        print(metrics_markdown(evaluation))
        left_out = evaluation.left_out()
        if left_out:
            print(f"\nLeft out: {left_out}")
        if evaluation.problems:
            print(f"\n{len(evaluation.problems)} inputs not read or coded (first: {evaluation.problems[0]})")
        if args.report_dir:
            write_report(evaluation, args.report_dir / path.stem)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
