"""Held-back validation: train on one fixed half of the gold, score end to end on the other.

Cross-validation on the records a model was tuned on flatters it (a 0.891 CV figure became 0.793
on unseen records). So `strife train` also splits every gold file by the fixed rule of
`strife.evaluate.halves` (sha256 of the record's key: even first byte "dev", odd "sealed"), fits on
the dev halves and scores, on each file's sealed half, what a user gets: the record's most confident
happened event with an ACLED type after `--model-dir` (`strife.evaluate.user`), a record with none
being wrong on every field. The same figures for the rules alone stand beside it, and a learning
curve gives the model's end-to-end type on the sealed halves for growing subsets of the dev halves.

When the rules were written while reading a file's dev half (as strife's own were, on its dev gold),
the held-back model learns from records the rules are nearly always right on, and never sees their
errors on new records. The cross-over estimate (`crossover`) trains on the dev half and half of the
sealed half, scores the other half, and pools both ways: what a user training on all their records
gets on their next ones.
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from strife.evaluate.halves import half_of, sealed_part
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
    return pooled([(coded, model)], seed=seed, resamples=resamples)


def pooled(parts: Sequence[tuple[Sequence[CodedCase], Optional[TypeModel]]], *, seed: int = 0,
           resamples: int = 1000) -> dict[str, Estimate]:
    """`end_to_end` over several groups of records, each typed by its own model (or the rules
    alone, None), scored as one set: the pooled figure of a cross-over check."""
    evaluation = Evaluation(format="acled", gold_path="", seed=seed, resamples=resamples)
    total = 0
    for coded, model in parts:
        cases = list({id(item.case): item for item in coded}.values())  # a case with several gold records is scored once
        results = [item.result for item in cases]
        if model is not None:
            results = [r.model_copy(deep=True) if r is not None else None for r in results]
            retype_results([(r, item.case.article.text) for r, item in zip(results, cases) if r is not None], model)
        for item, result in zip(cases, results):
            evaluation.add(item.case, result)
        total += len(cases)
    evaluation.n_cases = total
    return {row.key: row.end_to_end for row in headline(evaluation) if row.key in FIELDS}


def crossover(files: dict[str, Sequence[CodedCase]], target: str, *, config: LearnerConfig = LearnerConfig(),
              seed: int = 0, folds: int = 5) -> dict:
    """What a user who trains on all their records gets on their next ones, estimated on records the
    rules were not fitted to: each file's sealed half is cut in two parts (`sealed_part`); a model
    fitted as `strife train` fits (thresholds tuned out of fold) on every dev half and the sealed
    part 1 types part 0, and one fitted with part 0 types part 1; both parts are scored as one set,
    per file, beside the rules alone on the same records."""
    halves = {name: split(coded) for name, coded in files.items()}
    dev = [c.example for dev_half, _ in halves.values() for c in dev_half]
    parts = {name: ([c for c in sealed if sealed_part(c.case) == 0], [c for c in sealed if sealed_part(c.case) == 1])
             for name, (_, sealed) in halves.items()}
    models = []
    for held in (0, 1):
        train = dev + [c.example for both in parts.values() for c in both[1 - held]]
        models.append(fit_tuned(train, target, config=config, folds=folds, seed=seed))
    report: dict = {"trained_on": [len(dev) + sum(len(both[1 - held]) for both in parts.values()) for held in (0, 1)],
                    "thresholds": [_thresholds(m.config) for m in models], "sets": {}}
    for name, both in parts.items():
        report["sets"][name] = {"records": sum(map(len, both)),
                                "rules": _dicts(pooled([(both[0], None), (both[1], None)], seed=seed)),
                                "model": _dicts(pooled([(both[0], models[0]), (both[1], models[1])], seed=seed))}
    return report


def _thresholds(config: LearnerConfig) -> dict:
    return {"override_at": config.override_at, "sub_override_at": config.sub_override_at,
            "text_override_at": config.text_override_at}


def held_back(files: dict[str, Sequence[CodedCase]], target: str, *, config: LearnerConfig = LearnerConfig(),
              seed: int = 0, folds: int = 5, curve_sizes: Sequence[int] = CURVE_SIZES) -> dict:
    """Fit on every file's dev half as `strife train` fits (its `override_at` tuned out of fold on
    that half alone), score each sealed half (rules vs model) and the learning curve, and add the
    cross-over estimate (`crossover`)."""
    halves = {name: split(coded) for name, coded in files.items()}
    train = [c.example for dev, _ in halves.values() for c in dev]
    model = fit_tuned(train, target, config=config, folds=folds, seed=seed)
    report: dict = {"trained_on": len(train), "thresholds": _thresholds(model.config), "sets": {}}
    for name, (_, sealed) in halves.items():
        report["sets"][name] = {"records": len(sealed),
                                "rules": _dicts(end_to_end(sealed, seed=seed)),
                                "model": _dicts(end_to_end(sealed, model, seed=seed))}
    sealed_all = [c for _, sealed in halves.values() for c in sealed]
    report["learning_curve"] = curve(train, sealed_all, target, config=model.config, seed=seed, sizes=curve_sizes,
                                     full=model)
    report["crossover"] = crossover(files, target, config=config, seed=seed, folds=folds)
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
