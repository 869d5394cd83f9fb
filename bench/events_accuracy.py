"""Event coding accuracy and confidence calibration on the dev gold.

    .venv/bin/python bench/events_accuracy.py [--gold-dir ../shared/gold] [--limit N] [--fit]

Prints, per gold file, the ACLED event-type / sub-event-type and PLOVER type confusion (gold row,
predicted columns) and a reliability table of event confidence: for each event strife credits to a
gold event (the scorer's own choice, `strife.evaluate.score.choose_event`), "right" means the type
is the gold's (ACLED event type on ACLED rows, PLOVER type elsewhere). ECE is the count-weighted
mean |accuracy - mean confidence| over ten equal-width bins.

`--fit` refits `src/strife/ontology/data/calibration.csv` (isotonic regression of right/wrong on the
raw score, pooled over the files) from the *raw* scores: run it after changing the lexicon or the
confidence formula, then run without `--fit` to check the calibrated figures.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.engine import LocalEngine  # noqa: E402
from strife.evaluate import evaluate_file  # noqa: E402
from strife.ontology import DATA_DIR  # noqa: E402

FILES = (("dev/acled-2020-dev.csv", "acled"), ("dev/plover-gsr-cameo.json", "plover-gsr"),
         ("aleppo-2016-12-06.events.json", "strife"))
BINS = 10
MIN_BLOCK = 20


def judged(evaluation, fmt: str) -> list[tuple[float, bool]]:
    """(confidence, right) for every prediction credited to a gold event."""
    pairs = []
    for record in evaluation.records:
        event = record.predicted
        if event is None:
            continue
        right = record.outcomes.get("acled_event_type") if fmt == "acled" else record.outcomes.get("plover_type")
        if right is not None:
            pairs.append((event.confidence, bool(right)))
    return pairs


def reliability(pairs: list[tuple[float, bool]]) -> tuple[list[tuple[str, int, float, float]], float]:
    rows, ece = [], 0.0
    for b in range(BINS):
        lo, hi = b / BINS, (b + 1) / BINS
        inside = [(c, r) for c, r in pairs if lo <= c < hi or (b == BINS - 1 and c == 1.0)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(r for _, r in inside) / len(inside)
        ece += len(inside) * abs(acc - conf)
        rows.append((f"{lo:.1f}–{hi:.1f}", len(inside), conf, acc))
    return rows, ece / max(1, len(pairs))


def isotonic(pairs: list[tuple[float, bool]]) -> list[tuple[float, float]]:
    """Pool-adjacent-violators: knots (mean raw score, accuracy) of a non-decreasing fit."""
    blocks: list[list[float]] = []  # [sum_raw, sum_right, n]
    for raw, right in sorted(pairs):
        blocks.append([raw, float(right), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            for i in range(3):
                blocks[-1][i] += last[i]
    merged: list[list[float]] = []
    for block in blocks:  # a knot stands on at least MIN_BLOCK events: small blocks join the next
        if merged and merged[-1][2] < MIN_BLOCK:
            for i in range(3):
                merged[-1][i] += block[i]
        else:
            merged.append(list(block))
    if len(merged) > 1 and merged[-1][2] < MIN_BLOCK:
        last = merged.pop()
        for i in range(3):
            merged[-1][i] += last[i]
    knots = [(round(s / n, 4), round(r / n, 4)) for s, r, n in merged]
    return [(x, max(y for _, y in knots[: i + 1])) for i, (x, _) in enumerate(knots)]


def confusion(evaluation, name: str) -> str:
    table = evaluation.confusion().get(name, {})
    lines = [f"### {name}"]
    for gold, row in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        cells = ", ".join(f"{p} {n}" for p, n in sorted(row.items(), key=lambda kv: -kv[1]))
        lines.append(f"- **{gold}** ({sum(row.values())}): {cells}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--fit", action="store_true", help="Refit calibration.csv from raw scores.")
    args = parser.parse_args()
    if not args.gold_dir.is_dir():
        print(f"events_accuracy: no gold folder at {args.gold_dir}", file=sys.stderr)
        return 2
    if args.fit:
        os.environ["STRIFE_RAW_CONFIDENCE"] = "1"
    engine = LocalEngine()
    print(f"# strife event coding accuracy and calibration\n\n{platform.node()} · {os.cpu_count()} CPUs · "
          f"Python {platform.python_version()} · {dt.date.today()}\n")
    pooled: list[tuple[float, bool]] = []
    for name, fmt in FILES:
        path = args.gold_dir / name
        if not path.exists():
            print(f"skipped {name}: not found\n")
            continue
        evaluation = evaluate_file(path, fmt, engine, limit=args.limit if fmt != "strife" else None)
        metrics = evaluation.metrics()
        print(f"## {path.name}\n")
        for key in ("event_detected", "plover_type", "acled_event_type", "acled_sub_event_type"):
            if key in metrics:
                m = metrics[key]
                print(f"- {key}: {m.value:.3f} ({m.low:.3f}–{m.high:.3f}, n={m.n})")
        print()
        for table in ("acled_event_type", "acled_sub_event_type", "plover_type"):
            if table in evaluation.confusion():
                print(confusion(evaluation, table) + "\n")
        pairs = judged(evaluation, fmt)
        pooled += pairs
        rows, ece = reliability(pairs)
        print(f"Reliability ({len(pairs)} credited events, ECE {ece:.3f}):\n")
        print("| confidence | n | mean confidence | accuracy |\n|---|---:|---:|---:|")
        for label, n, conf, acc in rows:
            print(f"| {label} | {n} | {conf:.3f} | {acc:.3f} |")
        print()
    rows, ece = reliability(pooled)
    print(f"## Pooled: {len(pooled)} credited events, ECE {ece:.3f}\n")
    if args.fit:
        knots = isotonic(pooled)
        out = DATA_DIR / "calibration.csv"
        with out.open("w", encoding="utf-8", newline="") as handle:
            handle.write("# Isotonic map from the raw event score to the share of credited events of that score whose\n"
                         "# type was right on the dev gold; written by bench/events_accuracy.py --fit.\n")
            writer = csv.writer(handle)
            writer.writerow(["raw", "calibrated"])
            writer.writerows(knots)
        print(f"wrote {len(knots)} knots to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
