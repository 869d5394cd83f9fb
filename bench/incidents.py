"""One incident, one event, one toll: the four dashboard figures on the shared real news reports.

    .venv/bin/python bench/incidents.py [--verbose]

Codes each report of `../shared/articles/real/` (published on its gold date) and asks, as
`strife.evaluate.incidents` documents: is the summed toll of the day's violent events the
incident's, are there at most `max_events` of them, and is the deadliest in the right admin1 and
on the right day. Prints the four counts with machine, date and commit; `--verbose` shows the
events summed for each report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from halves import commit, machine  # noqa: E402  (the one header of the accuracy benches)
from strife.engine import LocalEngine  # noqa: E402
from strife.evaluate.incidents import QUESTIONS, describe, read_reports, score_report, summary  # noqa: E402
from strife.ingest import read_inputs  # noqa: E402

SHARED = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="List the events summed for each report.")
    args = parser.parse_args()
    gold_path, texts = SHARED / "gold" / "real-reports.json", SHARED / "articles" / "real"
    if not gold_path.exists():
        print(f"incidents: no gold at {gold_path}", file=sys.stderr)
        return 2
    golds = read_reports(gold_path)
    # read as `strife extract FILE` reads it (the first line is the headline), published on the gold's date
    articles = [next(iter(read_inputs([str(texts / g.name)]))).model_copy(update={"published": g.published})
                for g in golds]
    with LocalEngine() as engine:
        results = [engine.code(article) for article in articles]
    scores = [score_report(result, gold) for result, gold in zip(results, golds)]
    print(f"{machine()} · {dt.date.today()} · commit {commit()}\n")
    if args.verbose:
        for score, gold in zip(scores, golds):
            print(describe(score, gold))
        print()
    print("| figure | reports right |\n|---|---:|")
    labels = {"toll": "summed toll is the incident's", "events": "at most max_events violent events",
              "admin1": "deadliest event in the right admin1", "day": "deadliest event on the right day"}
    for question, (right, total) in summary(scores).items():
        print(f"| {labels[question]} | {right} / {total} |")
    return 0 if all(all(s.answers[q] for q in QUESTIONS) for s in scores) else 1


if __name__ == "__main__":
    raise SystemExit(main())
