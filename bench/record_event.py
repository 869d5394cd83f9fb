"""How much choosing a different record's event could give `strife train` (issue #25): aggregates only.

    PYTHONPATH=src .venv/bin/python bench/record_event.py [--gold-dir ../shared/gold/dev]

An ACLED export keeps one event per record (`strife.rows.record_row_event`: disorder before a
strategic development, then the most confident). When the happened ACLED-typed events of a record
carry different types, a re-ranker could pick another one. This counts, per set and half, with the
rules alone and with the trained typer applied as `--model-dir` applies it:

* records with candidates of two or more ACLED types ("several types");
* of those, records whose chosen event has the wrong type ("chosen wrong") and, of those, records where
  another candidate has the right type ("another right": the most a perfect re-ranker could win),
  and how many of these hold a toll on the chosen event (switching would change the record's toll);
* a re-ranker without training: within the chosen event's rank, the candidate the model gives the
  highest probability of its own type, when it beats the chosen one by a margin: net type gain and
  events moved per margin.

The 2020 figures with the model are the cross-over estimate's (`strife.learn.holdout.crossover` on
acled-2020-dev.csv: each sealed part typed by a model that never saw it); the older sets use a model
trained as `strife train` trains on all 1,000 2020 records. Only counts are printed, never a record.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.engine import LocalEngine  # noqa: E402
from strife.evaluate import read_gold  # noqa: E402
from strife.evaluate.halves import sealed_part  # noqa: E402
from strife.evaluate.score import happened  # noqa: E402
from strife.learn import code_cases  # noqa: E402
from strife.learn.apply import retype_results  # noqa: E402
from strife.learn.features import examples_for  # noqa: E402
from strife.learn.holdout import split  # noqa: E402
from strife.learn.model import LearnerConfig  # noqa: E402
from strife.learn.tuning import fit_tuned  # noqa: E402
from strife.rows import record_row_event, row_rank  # noqa: E402

TRAIN_ON = "acled-2020-dev.csv"
SETS = (TRAIN_ON, "acled-2016-africa-dev.csv", "acled-2015-south-asia-dev.csv")
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.5)
COLUMNS = ("records", "several types", "chosen wrong", "another right", "of which toll on chosen")


def candidates(result) -> list:
    return [e for e in happened(result.events) if e.acled_event_type]


def count(item, model, tally: Counter) -> None:
    """Add one record's counts to `tally` (with `model` applied to a copy of its result, or the rules alone)."""
    if item.result is None:
        tally["records"] += 1
        return
    result, text = item.result, item.case.article.text
    if model is not None:
        result = result.model_copy(deep=True)
        retype_results([(result, text)], model)
    right = lambda event: event.acled_event_type == item.gold.acled_type or event.acled_event_type in item.gold.acled_accept  # noqa: E731
    found = candidates(result)
    chosen = record_row_event(found)
    tally["records"] += 1
    if chosen is None or len({e.acled_event_type for e in found}) < 2:
        return
    tally["several types"] += 1
    if not right(chosen):
        tally["chosen wrong"] += 1
        if any(right(e) for e in found):
            tally["another right"] += 1
            tally["of which toll on chosen"] += chosen.fatalities is not None
    if model is not None:
        _rerank(item, model, result, found, chosen, right, tally)


def _rerank(item, model, result, found, chosen, right, tally: Counter) -> None:
    tier = [e for e in found if row_rank(e)[:3] == row_rank(chosen)[:3]]
    predictions = model.predict(examples_for(item.case.article.text, tier, result))
    own = [p.type_probabilities.get(e.acled_event_type, 0.0) for e, p in zip(tier, predictions)]
    best = max(range(len(tier)), key=own.__getitem__)
    for margin in MARGINS:
        pick = tier[best] if own[best] - own[tier.index(chosen)] > margin else chosen
        tally[f"gain@{margin}"] += int(right(pick)) - int(right(chosen))
        tally[f"moved@{margin}"] += pick is not chosen


def row(name: str, half: str, coder: str, tally: Counter) -> str:
    cells = [str(tally[c]) for c in COLUMNS]
    rerank = " ".join(f"{m}: {tally[f'gain@{m}']:+d}/{tally[f'moved@{m}']}" for m in MARGINS) if coder != "rules" else "–"
    return f"| {name} | {half} | {coder} | {' | '.join(cells)} | {rerank} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold-dir", type=Path, default=ROOT.parent / "shared" / "gold" / "dev")
    args = parser.parse_args()
    engine = LocalEngine()
    files = {name: code_cases(read_gold(args.gold_dir / name, "acled").cases, engine, "acled") for name in SETS}
    config = LearnerConfig()
    dev, sealed = split(files[TRAIN_ON])
    halves_2020 = [[c for c in sealed if sealed_part(c.case) == p] for p in (0, 1)]
    crossing = [fit_tuned([c.example for c in dev + halves_2020[1 - p]], "acled", config=config, folds=5, seed=0)
                for p in (0, 1)]
    full = fit_tuned([c.example for c in files[TRAIN_ON]], "acled", config=config, folds=5, seed=0)
    print(f"| set | half | coder | {' | '.join(COLUMNS)} | re-rank by the model, margin: net type gain / moved |")
    print("|---|---|---|" + "---:|" * len(COLUMNS) + "---|")
    for name, coded in files.items():
        for half, items in zip(("dev", "sealed"), split(coded)):
            rules, typed = Counter(), Counter()
            for item in items:
                count(item, None, rules)
                if half == "sealed":
                    count(item, crossing[sealed_part(item.case)] if name == TRAIN_ON else full, typed)
            print(row(name, half, "rules", rules))
            if half == "sealed":
                print(row(name, half, "cross-over model" if name == TRAIN_ON else "model (all 2020)", typed))


if __name__ == "__main__":
    main()
