"""`strife train` on the dev gold: what `--model-dir` gives end to end on unseen records, time, overhead.

    PYTHONPATH=src .venv/bin/python bench/train.py [--gold-dir ../shared/gold/dev] [--seed 0] [--plover]

1. `strife train` with its defaults on the 1,000 records of acled-2020-dev.csv: its wall time, the
   k-fold CV table (model, rules, TF-IDF + LR baseline), the CV learning curve, and its held-back
   report (trained on the 2020 dev half, scored end to end on the 2020 sealed half).
2. Every ACLED dev set, each fixed half (`strife.evaluate.halves`), end to end as a user meets it
   (`strife.evaluate.user`: the record's most confident happened event with an ACLED type; a record
   without one is wrong): the rules alone, the model trained on the 2020 *dev half* (so the 2020
   sealed half is unseen), and for the two older sets the model trained on all 1,000 2020 records
   (neither of their halves was seen). Read the sealed halves; the dev halves are for working on.
3. The cross-over estimate (`strife.learn.holdout.crossover`), the figure to develop against: the
   2020 sealed half cut in two fixed parts (`strife.evaluate.halves.sealed_part`), a model trained
   as `strife train` trains on the dev half and one part scores the other part, and the two parts
   are pooled; the rules alone on the same records beside it. The rules were fitted to the dev
   half, not to the sealed parts, so this is what a user training on all their records gets next.
4. The held-back learning curve (end-to-end type on the 2020 sealed half for 100, 250, ... of the
   2020 dev half's records).
   A row "no veto" gives the same dev-half model with `LearnerConfig.veto` off: what the veto adds.
5. The extraction overhead of `--model-dir`: the same texts coded with and without the typer,
   alternating, in this process, reported as a ratio of CPU times (never a timed test).

The model is applied to a copy of the rules' result by the same code the `strife_typer` pipeline
component runs (`strife.learn.apply`), so each set is coded once. Models go to a temporary folder
(an ACLED-trained model is the user's own and must not be redistributed). Prints markdown for
bench/RESULTS.md, headed by the machine (`uname -a`, cores), the date and the commit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from halves import commit  # noqa: E402

from strife.engine import LocalEngine  # noqa: E402
from strife.evaluate import read_gold  # noqa: E402
from strife.learn import code_cases, fit_model, train  # noqa: E402
from strife.learn.holdout import end_to_end, split  # noqa: E402
from strife.learn.model import LearnerConfig  # noqa: E402
from strife.pipeline import RULES_ONLY  # noqa: E402

TRAIN_ON = "acled-2020-dev.csv"
SETS = (TRAIN_ON, "acled-2016-africa-dev.csv", "acled-2015-south-asia-dev.csv")
FIELDS = (("event_detected", "detected"), ("acled_event_type", "type"), ("acled_sub_event_type", "sub-type"),
          ("fatalities_exact", "fatalities exact"), ("fatalities_exact_deaths", "exact, deaths > 0"))
CV_ROWS = (("baseline", "baseline: TF-IDF words + LR"), ("model", "strife trained model"), ("rules", "strife rules"))


def cell(est) -> str:
    if est is None or est.value is None:
        return "–"
    return f"{est.value:.3f} [{est.low:.3f}, {est.high:.3f}]"


def cv_cell(found: dict, level: str) -> str:
    est = found.get(level)
    return "–" if not est or est.get("value") is None else f"{est['value']:.3f} ({est['low']:.3f}–{est['high']:.3f})"


def overhead(model_dir: Path, texts: list[str], repeats: int) -> tuple[float, float, float]:
    """CPU seconds of this process per pass without and with the typer (best of `repeats`, alternating)
    and their ratio: CPU time, not wall time, since other work on a shared machine stretches a pass."""
    from strife.model import Article

    plain, typed = LocalEngine(model_dir=RULES_ONLY), LocalEngine(model_dir=str(model_dir))
    articles = [Article(text=t) for t in texts]
    for engine in (plain, typed):  # warm: data files, model, caches
        list(engine.run(articles[:20]))
    best = {"plain": float("inf"), "typed": float("inf")}
    for _ in range(repeats):
        for name, engine in (("plain", plain), ("typed", typed)):
            started = time.process_time()
            list(engine.run(articles))
            best[name] = min(best[name], time.process_time() - started)
    return best["plain"], best["typed"], best["typed"] / best["plain"]


def without_veto(model):
    """The same fitted model with its veto turned off: what the veto adds, on the same weights."""
    return replace(model, config=replace(model.config, veto=False))


def print_training(run, seconds: float, cpu: float) -> None:
    report = run.report
    print(f"### `strife train` with its defaults on {TRAIN_ON} ({report['records']} records, "
          f"{report['folds']}-fold CV)\n")
    print(f"Wall time **{seconds:.1f} s**, CPU time of this process {cpu:.1f} s (all threads; load "
          f"{' / '.join(f'{x:.2f}' for x in os.getloadavg())} at the end) (by step: {report['seconds']}).\n")
    print("| coder (k-fold CV, 95% CI) | event type | sub-event type |\n|---|---:|---:|")
    for key, label in CV_ROWS:
        if key in report["cv"]:
            print(f"| {label} | {cv_cell(report['cv'][key], 'type')} | {cv_cell(report['cv'][key], 'sub_type')} |")
    curve = ", ".join(f"{p['records']}: {p['type']['value']:.3f}" for p in report["learning_curve"])
    print(f"\nCV learning curve (event type): {curve}\n")
    held = report.get("held_back")
    if held:
        curve = ", ".join(f"{p['records']}: {p['acled_event_type']['value']:.3f} / {p.get('acled_sub_event_type', {}).get('value', 0):.3f}"
                          for p in held["learning_curve"])
        print(f"Held-back learning curve (trained on that many records of the 2020 dev half; end-to-end type / "
              f"sub-type on the 2020 sealed half): {curve}\n")


def print_halves(files: dict, models: dict) -> None:
    print("### End to end on each half (a record without an event is wrong), rules vs model, 95% CI\n")
    _print_head(("set", "half", "n", "coder"), "|---|---|---:|---|")
    for name in SETS:
        if name not in files:
            continue
        for half, coded in zip(("dev", "sealed"), split(files[name])):
            rows = [("rules", None)] + [(label, m) for label, m in models.items() if _unseen(label, name, half)]
            for label, model in rows:
                found = end_to_end(coded, model)
                cells = " | ".join(cell(found.get(key)) for key, _ in FIELDS)
                print(f"| {name} | {half} | {len(coded)} | {label} | {cells} |")
    print()


def print_crossover(found: dict) -> None:
    """The cross-over estimate of `strife train`'s report on the 2020 sealed half (aggregates only)."""
    result = found["sets"][TRAIN_ON]
    print(f"### Cross-over on the {TRAIN_ON} sealed half ({result['records']} records in two fixed parts; trained on "
          f"{' and '.join(map(str, found['trained_on']))} records; thresholds {found['thresholds']})\n")
    _print_head(("coder",), "|---|")
    for coder in ("rules", "model"):
        print(f"| {coder} | " + " | ".join(_dict_cell(result[coder].get(key)) for key, _ in FIELDS) + " |")
    print()


def print_all_sets(gold_dir: Path, engine, seed: int, folds: int) -> None:
    """`strife train --gold` with every ACLED dev set: its held-back report, per set."""
    paths = [gold_dir / name for name in SETS if (gold_dir / name).is_file()]
    started = time.perf_counter()
    run = train(paths, "acled", None, seed=seed, folds=folds, engine=engine, baseline=False, curve_sizes=(100, 250, 500))
    held = run.report["held_back"]
    print(f"### `strife train` with `--gold` for each of the {len(paths)} ACLED dev sets ({run.report['records']} records, "
          f"{time.perf_counter() - started:.0f} s): its held-back report, trained on the {held['trained_on']} records "
          f"of the dev halves, end to end on each sealed half (thresholds {held['thresholds']})\n")
    _print_sets(held["sets"])
    curve = ", ".join(f"{p['records']}: {p['acled_event_type']['value']:.3f}" for p in held["learning_curve"])
    print(f"\nHeld-back learning curve (end-to-end type on the three sealed halves together): {curve}\n")
    cross = held["crossover"]
    print(f"Its cross-over estimate (trained on {' and '.join(map(str, cross['trained_on']))} records; thresholds "
          f"{cross['thresholds']}):\n")
    _print_sets(cross["sets"])
    print()


def _print_head(lead: tuple[str, ...], lead_rule: str) -> None:
    """A markdown table's head: the `lead` columns, then one right-aligned column per field of FIELDS."""
    print("| " + " | ".join((*lead, *(label for _, label in FIELDS))) + " |")
    print(lead_rule + "---:|" * len(FIELDS))


def _print_sets(sets: dict) -> None:
    """A held-back report's figures per set, rules then model (the report's own aggregates)."""
    _print_head(("set", "n", "coder"), "|---|---:|---|")
    for name, found in sets.items():
        for coder in ("rules", "model"):
            cells = " | ".join(_dict_cell(found[coder].get(key)) for key, _ in FIELDS)
            print(f"| {name} | {found['records']} | {coder} | {cells} |")


def _dict_cell(est: dict | None) -> str:
    if not est or est.get("value") is None:
        return "–"
    return f"{est['value']:.3f} [{est['low']:.3f}, {est['high']:.3f}]"


def _unseen(label: str, name: str, half: str) -> bool:
    """Only figures on records the model never saw: the dev-half model on the 2020 sealed half and the
    older sets; the all-records model on the older sets."""
    if name != TRAIN_ON:
        return True
    return label.startswith("model (2020 dev half") and half == "sealed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold" / "dev")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--overhead-texts", type=int, default=300)
    args = parser.parse_args()
    if not (args.gold_dir / TRAIN_ON).is_file():
        print(f"bench/train.py: no {TRAIN_ON} in {args.gold_dir}", file=sys.stderr)
        return 2
    uname = " ".join(part for part in platform.uname() if part)
    print(f"## Trained model: `strife train` learns what the rules miss (`python bench/train.py`), "
          f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC\n")
    print(f"`{uname}` · nproc {os.cpu_count()} · load {' / '.join(f'{x:.2f}' for x in os.getloadavg())} at start "
          f"(other developers share the machine) · Python {platform.python_version()} · commit {commit()}\n")
    engine = LocalEngine(model_dir=RULES_ONLY)  # the rules' coding, which a model learns from and is measured against
    with tempfile.TemporaryDirectory(prefix="strife-train-bench-") as scratch:
        started, cpu = time.perf_counter(), time.process_time()
        run = train(args.gold_dir / TRAIN_ON, "acled", Path(scratch) / "acled", seed=args.seed, folds=args.folds,
                    engine=engine)
        print_training(run, time.perf_counter() - started, time.process_time() - cpu)
        files = {name: code_cases(read_gold(args.gold_dir / name, "acled").cases, engine, "acled")
                 for name in SETS if (args.gold_dir / name).is_file()}
        dev_half, _ = split(files[TRAIN_ON])
        half_model = fit_model([c.example for c in dev_half], "acled", seed=args.seed, config=LearnerConfig())
        models = {f"model (2020 dev half, {len(dev_half)})": half_model,
                  f"model (2020 dev half, {len(dev_half)}), no veto": without_veto(half_model),
                  f"model (all 2020, {run.report['records']})": run.model}
        print_halves(files, models)
        print_crossover(run.report["held_back"]["crossover"])
        print_all_sets(args.gold_dir, engine, args.seed, args.folds)
        texts = [c.case.article.text for c in files[TRAIN_ON]][: args.overhead_texts]
        plain, typed, ratio = overhead(run.directory, texts, args.repeats)
        print(f"`--model-dir` overhead on {len(texts)} ACLED notes (CPU time, best of {args.repeats}, alternating, same process): "
              f"{plain:.2f} s without, {typed:.2f} s with: ratio {ratio:.3f} (+{(ratio - 1) * 100:.1f}%)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
