"""`strife train` on the dev gold: trained typer vs rules vs a TF-IDF + LR baseline, time, overhead.

    .venv/bin/python bench/train.py [--gold-dir ../shared/gold/dev] [--seed 0] [--folds 5] [--repeats 3]

For the ACLED dev records (event type, sub-event type) and the PLOVER gold sentences (PLOVER type):
k-fold cross-validated accuracy with 95% bootstrap CIs of (1) the baseline, TF-IDF word n-grams +
logistic regression on the same text, (2) the trained model, (3) the rule coder alone, and on the
records where strife found an event, (4) the rules and (5) what `--model-dir` gives (the model's
type where it is at least `override_at` sure, else the rules'). Then the wall time of the whole
`strife train` (coding, CV, baseline, learning curve, final fit) and the extraction-time overhead
of `--model-dir`: the same texts coded with and without the typer, alternating, in this process,
reported as a ratio. Prints markdown for bench/RESULTS.md. The models go to a temporary folder
(an ACLED-trained model must not be redistributed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from eval_gold import commit  # noqa: E402

from strife.engine import LocalEngine  # noqa: E402
from strife.evaluate import read_gold  # noqa: E402
from strife.learn import train  # noqa: E402

GOLD = (("acled-2020-dev.csv", "acled"), ("plover-gsr-cameo.json", "plover-gsr"))
ROWS = (("baseline", "baseline: TF-IDF words + LR (all records)"), ("model", "strife trained typer (all records)"),
        ("rules", "strife rules (all records)"), ("rules_on_events", "strife rules (records with an event)"),
        ("applied_on_events", "strife --model-dir (records with an event)"))


def cell(found: dict, level: str) -> str:
    est = found.get(level)
    if not est or est.get("value") is None:
        return "–"
    return f"{est['value']:.3f} ({est['low']:.3f}–{est['high']:.3f}), n {est['n']}"


def overhead(model_dir: Path, texts: list[str], repeats: int) -> tuple[float, float, float]:
    """Seconds per pass without and with the typer (best of `repeats`, alternating) and their ratio."""
    from strife.model import Article

    plain, typed = LocalEngine(), LocalEngine(model_dir=str(model_dir))
    articles = [Article(text=t) for t in texts]
    for engine in (plain, typed):  # warm: data files, model, caches
        list(engine.run(articles[:20]))
    best = {"plain": float("inf"), "typed": float("inf")}
    for _ in range(repeats):
        for name, engine in (("plain", plain), ("typed", typed)):
            started = time.perf_counter()
            list(engine.run(articles))
            best[name] = min(best[name], time.perf_counter() - started)
    return best["plain"], best["typed"], best["typed"] / best["plain"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold" / "dev")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--overhead-texts", type=int, default=300)
    args = parser.parse_args()
    if not args.gold_dir.is_dir():
        print(f"bench/train.py: no gold folder at {args.gold_dir}", file=sys.stderr)
        return 2
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"# strife train on {args.gold_dir}\n")
    print(f"{platform.node()} · {platform.machine()} · {os.cpu_count()} CPUs · Python {platform.python_version()} · "
          f"{dt.date.today()} · commit {commit()} · load {load:.1f} at start (busy machine when above 2)\n")
    engine = LocalEngine()
    with tempfile.TemporaryDirectory(prefix="strife-train-bench-") as scratch:
        for name, fmt in GOLD:
            path = args.gold_dir / name
            if not path.is_file():
                print(f"skipped {name}: not found\n")
                continue
            started = time.perf_counter()
            run = train(path, fmt, Path(scratch) / fmt, seed=args.seed, folds=args.folds, engine=engine)
            seconds = time.perf_counter() - started
            report = run.report
            levels = ("type", "sub_type") if run.model.target == "acled" else ("type",)
            print(f"## {name} ({report['records']} records, {report['records_with_event']} with an event; "
                  f"{report['folds']}-fold CV, seed {args.seed})\n")
            header = "| coder | " + " | ".join("event type" if lv == "type" else "sub-event type" for lv in levels) + " |"
            print(header)
            print("|---|" + "---:|" * len(levels))
            for key, label in ROWS:
                if key in report["cv"]:
                    print(f"| {label} | " + " | ".join(cell(report["cv"][key], lv) for lv in levels) + " |")
            curve = ", ".join(f"{p['records']}: {p['type']['value']:.3f}" for p in report["learning_curve"])
            print(f"\nLearning curve (event type, CV within each subset): {curve}")
            print(f"`strife train` wall time: {seconds:.1f} s (seconds by step: {report['seconds']}); "
                  f"model {sum(f.stat().st_size for f in run.directory.iterdir()) / 1e6:.1f} MB with its report\n")
            if fmt == "acled":
                texts = [c.article.text for c in read_gold(path, fmt).cases][: args.overhead_texts]
                plain, typed, ratio = overhead(run.directory, texts, args.repeats)
                print(f"`--model-dir` overhead on {len(texts)} ACLED notes (best of {args.repeats}, alternating): "
                      f"{plain:.2f} s without, {typed:.2f} s with: ratio {ratio:.3f} (+{(ratio - 1) * 100:.1f}%)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
