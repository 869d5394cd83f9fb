"""False alarms: events strife codes in news that tells none, on 400 made-up texts (`bench/data/no_event_texts.csv`).

    PYTHONPATH=src .venv/bin/python bench/false_alarms.py [--rules-only] [--list]

Most news a user ingests reports no political violence or protest: statements, plans, denials,
statistics, background, disasters, institutional news, war words in sport and business, the
economy, aid, NGO reports, commemorations, weather. The file holds 400 such texts written for
strife (every place, person and group invented; 281 short texts and 119 article paragraphs, by
length), none of them in a training file. A text counts as a false alarm when strife codes a
happened (neither negated nor hypothetical) event with an ACLED type in it: what an ACLED export
would hold. Every ACLED gold record is an event, so the accuracy benches cannot see this cost.

The texts are split by a fixed rule like the dev sets: even rows (0, 2, ...) are the **dev** half,
odd rows the **sealed** half. `--list` prints the dev half's false alarms (text and event types),
never the sealed half's: develop on the dev half, read the sealed half's counts only.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from halves import commit, machine  # noqa: E402  (the one header of the accuracy benches)
from strife.engine import Coded, LocalEngine  # noqa: E402
from strife.model import Article  # noqa: E402
from strife.pipeline import RULES_ONLY  # noqa: E402

TEXTS = ROOT / "bench" / "data" / "no_event_texts.csv"
SHORT_CHARS = 400  # a text shorter than this is a short report, else an article's paragraph


def read_texts(path: Path = TEXTS) -> list[dict[str, str]]:
    """The rows (`kind`, `text`), each with its half (even row: dev, odd: sealed) and length class."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows):
        row["half"] = "dev" if number % 2 == 0 else "sealed"
        row["length"] = "short" if len(row["text"]) < SHORT_CHARS else "paragraph"
    return rows


def false_alarms(engine: LocalEngine, rows: list[dict[str, str]]) -> list[list[str]]:
    """For each row, the ACLED types of the happened events strife codes in it (empty: no false alarm)."""
    found = []
    for outcome in engine.run(Article(text=row["text"]) for row in rows):
        events = outcome.result.events if isinstance(outcome, Coded) else []
        found.append([e.acled_event_type for e in events if e.acled_event_type and not (e.negated or e.hypothetical)])
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules-only", action="store_true", help="the rules alone, without the built-in typer")
    parser.add_argument("--list", action="store_true", help="print the dev half's false alarms")
    args = parser.parse_args()
    rows = read_texts()
    engine = LocalEngine(model_dir=RULES_ONLY) if args.rules_only else LocalEngine()
    found = false_alarms(engine, rows)
    print(f"# False alarms on texts that tell no event ({'rules only' if args.rules_only else 'rules and the built-in typer'})\n")
    print(f"{machine()} · commit {commit()}\n")
    print("| half | short texts with an event | paragraphs with an event | all |\n|---|---:|---:|---:|")
    for half in ("dev", "sealed"):
        cells = []
        for length in ("short", "paragraph", None):
            picked = [bool(f) for r, f in zip(rows, found) if r["half"] == half and length in (None, r["length"])]
            cells.append(f"{sum(picked)} / {len(picked)}")
        print(f"| {half} | " + " | ".join(cells) + " |")
    kinds = collections.Counter(r["kind"] for r, f in zip(rows, found) if f)
    print("\nBy kind (both halves): " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    if args.list:
        print("\n## Dev half's false alarms\n")
        for row, types in zip(rows, found):
            if types and row["half"] == "dev":
                print(f"- [{row['kind']}] {', '.join(types)}: {row['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
