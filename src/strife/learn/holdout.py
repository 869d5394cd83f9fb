"""Held-back validation: train on one fixed half of the gold, score end to end on the other.

Cross-validation on the records a model was tuned on flatters it (a 0.891 CV figure became 0.793
on unseen records). So `strife train` also splits every gold file by the fixed rule of
`strife.evaluate.halves` (sha256 of the record's key: even first byte "dev", odd "sealed"), fits on
the dev halves and scores, on each file's sealed half, what a user gets: the record's most confident
happened event with an ACLED type after `--model-dir` (`strife.evaluate.user`), a record with none
being wrong on every field. The same figures for the rules alone stand beside it, and a learning
curve gives the model's end-to-end type on the sealed halves for growing subsets of the dev halves.
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from strife.evaluate.halves import half_of
from strife.evaluate.metrics import Estimate
from strife.evaluate.score import Evaluation
from strife.evaluate.user import headline
from strife.learn.apply import retype_results
from strife.learn.data import CodedCase
from strife.learn.model import LearnerConfig, TypeModel, fit_model
from strife.learn.tuning import fit_tuned

FIELDS = ("event_detected", "acled_event_type", "acled_sub_event_type", "plover_type", "fatalities_exact",
          "fatalities_exact_deaths")
CURVE_SIZES = (100, 250, 500, 1000)


def split(coded: Sequence[CodedCase]) -> tuple[list[CodedCase], list[CodedCase]]:
    """(dev half, sealed half) by the fixed rule of `strife.evaluate.halves`."""
    dev = [c for c in coded if half_of(c.case) == "dev"]
    return dev, [c for c in coded if half_of(c.case) != "dev"]


def end_to_end(coded: Sequence[CodedCase], model: Optional[TypeModel] = None, *, seed: int = 0,
               resamples: int = 1000) -> dict[str, Estimate]:
    """Each headline field end to end on these records: rules alone, or with `model` applied as
    `--model-dir` applies it (on a copy of the rules' result, so the rules' figures stay)."""
    evaluation = Evaluation(format="acled", gold_path="", seed=seed, resamples=resamples)
    cases = list({id(item.case): item for item in coded}.values())  # a case with several gold records is scored once
    results = [item.result for item in cases]
    if model is not None:
        results = [r.model_copy(deep=True) if r is not None else None for r in results]
        retype_results([(r, item.case.article.text) for r, item in zip(results, cases) if r is not None], model)
    for item, result in zip(cases, results):
        evaluation.add(item.case, result)
    evaluation.n_cases = len(cases)
    return {row.key: row.end_to_end for row in headline(evaluation) if row.key in FIELDS}


def held_back(files: dict[str, Sequence[CodedCase]], target: str, *, config: LearnerConfig = LearnerConfig(),
              seed: int = 0, folds: int = 5, curve_sizes: Sequence[int] = CURVE_SIZES) -> dict:
    """Fit on every file's dev half as `strife train` fits (its `override_at` tuned out of fold on
    that half alone), score each sealed half (rules vs model) and the learning curve."""
    halves = {name: split(coded) for name, coded in files.items()}
    train = [c.example for dev, _ in halves.values() for c in dev]
    model = fit_tuned(train, target, config=config, folds=folds, seed=seed)
    report: dict = {"trained_on": len(train), "thresholds": {"override_at": model.config.override_at,
                                                          "sub_override_at": model.config.sub_override_at}, "sets": {}}
    for name, (_, sealed) in halves.items():
        report["sets"][name] = {"records": len(sealed),
                                "rules": _dicts(end_to_end(sealed, seed=seed)),
                                "model": _dicts(end_to_end(sealed, model, seed=seed))}
    sealed_all = [c for _, sealed in halves.values() for c in sealed]
    report["learning_curve"] = curve(train, sealed_all, target, config=model.config, seed=seed, sizes=curve_sizes,
                                     full=model)
    return report


def curve(train: Sequence, sealed: Sequence[CodedCase], target: str, *, config: LearnerConfig, seed: int,
          sizes: Sequence[int], full: Optional[TypeModel] = None) -> list[dict]:
    """End-to-end ACLED type on the sealed halves of models fitted on seeded subsets of the dev halves
    (the sizes the dev halves hold, and all of them), with the thresholds tuned on the whole dev halves.
    `full`, the model already fitted on all of `train`, is the last point (not fitted twice)."""
    order = np.random.default_rng(seed).permutation(len(train))
    points = []
    for size in sorted({s for s in sizes if s < len(train)} | {len(train)}):
        subset = [train[i] for i in order[:size]]
        try:
            model = full if full is not None and size == len(train) else fit_model(subset, target, seed=seed, config=config)
        except ValueError:
            continue  # too few types in a small subset
        found = end_to_end(sealed, model, seed=seed, resamples=200)
        points.append({"records": size, **{k: found[k].as_dict() for k in ("acled_event_type", "acled_sub_event_type")
                                           if k in found}})
    return points


def _dicts(found: dict[str, Estimate]) -> dict[str, dict]:
    return {key: value.as_dict() for key, value in found.items()}
