"""Train a typer on gold records and measure it honestly (`strife train`).

`train` reads a gold file (any `strife eval` format that carries event types), codes each text
with the rule pipeline, and then:

1. cross-validates (k folds, stratified by type, seeded) the trained typer, the rule coder alone and
   a baseline (TF-IDF word n-grams + logistic regression on the same text), each accuracy with
   its 95% bootstrap interval (`strife.evaluate.metrics`), on records none of them was fitted on;
2. reports the accuracy *as applied*: on records where strife found an event to type, the type the
   event ends up with (`override_at` rule of `strife.learn.apply`), the figure `--model-dir` gives;
   the saved model's `override_at` is the one that did best out of fold (`tuned`);
3. draws a learning curve (CV accuracy on seeded subsets of 100, 250, 500, 1,000 records);
4. (ACLED) fits on the fixed dev half of every file and scores each file's sealed half end to end,
   as a user meets it, rules alone vs with the model, with its own learning curve
   (`strife.learn.holdout`): the honest figure, since CV flatters a model tuned on the same records;
5. fits the model on every record and writes the model directory with `report.json`/`report.html`.

Several gold files (same format) train one model; the held-back figures are given per file.

Everything is deterministic for a seed: folds, subsets, and the solvers' own randomness.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

from strife.evaluate.metrics import DEFAULT_RESAMPLES, Estimate, estimate
from strife.learn.data import CodedCase, code_cases, target_for
from strife.learn.tuning import applied_guess, cross_validate, folds_of, tuned  # noqa: F401 - re-exported
from strife.learn.features import Example, type_ok
from strife.learn.model import (
    LearnerConfig,
    Prediction,
    TypeModel,
    build_meta,
    file_sha256,
    fit_model,
)

CURVE_SIZES = (100, 250, 500, 1000)
CURVE_FOLDS = 3  # a curve point needs a trend, not the main figure's precision: 12 fits instead of 20
MIN_EXAMPLES = 10


@dataclass
class TrainingRun:
    """A trained model, its report (what `report.json` holds) and where it was written."""

    model: TypeModel
    report: dict
    directory: Optional[Path] = None


def accuracy(name: str, examples: Sequence[Example], guesses: Sequence[tuple[Optional[str], Optional[str]]],
             seed: int, resamples: int = DEFAULT_RESAMPLES) -> dict[str, Estimate]:
    """Type accuracy (and sub-event type accuracy where the gold has one) of (type, sub-type) guesses."""
    found = {"type": estimate(f"{name}_type", [type_ok(e, g[0]) for e, g in zip(examples, guesses)],
                              seed=seed, resamples=resamples)}
    subs = [g[1] == e.labels["sub_type"] for e, g in zip(examples, guesses) if e.labels.get("sub_type")]
    if subs:
        found["sub_type"] = estimate(f"{name}_sub_type", subs, seed=seed, resamples=resamples)
    return found


def learning_curve(examples: Sequence[Example], target: str, *, config: LearnerConfig = LearnerConfig(),
                   sizes: Sequence[int] = CURVE_SIZES, folds: int = 5, seed: int = 0,
                   full: Optional[Sequence[Prediction]] = None) -> list[dict]:
    """CV accuracy (at most CURVE_FOLDS folds) on seeded random subsets of each size (sizes above the
    data's are left out). `full`, out-of-fold predictions already made for every example, is the
    point of the whole set (its k folds are not refitted as CURVE_FOLDS folds)."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(examples))
    points = []
    for size in sizes:
        if size > len(examples) or size < MIN_EXAMPLES:
            continue
        subset = [examples[i] for i in order[:size]]
        try:
            predictions = (full if full is not None and size == len(examples) else
                           cross_validate(subset, target, config=config, folds=min(folds, CURVE_FOLDS), seed=seed))
        except ValueError:
            continue  # too few types in a small subset to learn from
        if predictions is full:
            subset = list(examples)
        found = accuracy(f"curve_{size}", subset, [(p.label, p.sub_label) for p in predictions], seed)
        points.append({"records": size, **{k: v.as_dict() for k, v in found.items()}})
    return points


def confusion(examples: Sequence[Example], guesses: Sequence[Optional[str]]) -> dict[str, dict[str, int]]:
    """Gold type -> predicted type -> count."""
    table: dict[str, dict[str, int]] = {}
    for example, guess in zip(examples, guesses):
        row = table.setdefault(example.labels["type"], {})
        row[guess or "(none)"] = row.get(guess or "(none)", 0) + 1
    return table


def evaluate_examples(examples: Sequence[Example], target: str, *, config: LearnerConfig, folds: int, seed: int,
                      baseline: bool = True, curve_sizes: Sequence[int] = CURVE_SIZES) -> dict:
    """The cross-validated part of the report: model, rules, baseline, as applied, curve, confusion."""
    started = time.perf_counter()
    predictions = cross_validate(examples, target, config=config, folds=folds, seed=seed)
    cv_seconds = time.perf_counter() - started
    with_event = [i for i, e in enumerate(examples) if e.rule_labels]
    best = tuned(examples, predictions, config)  # the thresholds the saved model applies
    report: dict = {
        "records": len(examples), "records_with_event": len(with_event), "folds": len(folds_of(examples, folds, seed)),
        "cv": {
            "model": _dicts(accuracy("model", examples, [(p.label, p.sub_label) for p in predictions], seed)),
            "rules": _dicts(accuracy("rules", examples, [(e.rule_labels.get("type"), e.rule_labels.get("sub_type"))
                                                          for e in examples], seed)),
        },
        "seconds": {"cross_validation": round(cv_seconds, 1)},
        "thresholds": {"override_at": best.override_at, "sub_override_at": best.sub_override_at,
                       "text_override_at": best.text_override_at},
    }
    if with_event:
        chosen = [examples[i] for i in with_event]
        report["cv"]["rules_on_events"] = _dicts(accuracy("rules_on_events", chosen, [
            (e.rule_labels.get("type"), e.rule_labels.get("sub_type")) for e in chosen], seed))
        report["cv"]["applied_on_events"] = _dicts(accuracy("applied_on_events", chosen, [
            applied_guess(examples[i], predictions[i], best) for i in with_event], seed))
    if baseline:
        started = time.perf_counter()
        base = cross_validate(examples, target, config=LearnerConfig.baseline(), folds=folds, seed=seed)
        report["cv"]["baseline"] = _dicts(accuracy("baseline", examples, [(p.label, p.sub_label) for p in base], seed))
        report["seconds"]["baseline_cross_validation"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    report["learning_curve"] = learning_curve(examples, target, config=config, sizes=curve_sizes, folds=folds, seed=seed,
                                              full=predictions)
    report["seconds"]["learning_curve"] = round(time.perf_counter() - started, 1)
    report["confusion"] = confusion(examples, [p.label for p in predictions])
    return report


def _dicts(found: dict[str, Estimate]) -> dict[str, dict]:
    return {key: value.as_dict() for key, value in found.items()}


def train(gold: str | Path | Sequence[str | Path], fmt: str, output: Optional[str | Path] = None, *,
          target: Optional[str] = None, seed: int = 0, folds: int = 5, config: LearnerConfig = LearnerConfig(),
          engine=None, limit: Optional[int] = None, baseline: bool = True, curve_sizes: Sequence[int] = CURVE_SIZES,
          held_back: bool = True, progress: Optional[Callable[[str], None]] = None) -> TrainingRun:
    """Train on one gold file or several (same format), cross-validate, check on the held-back
    halves (`strife.learn.holdout`), and (with `output`) write the model directory.

    ValueError (GoldFormatError for the file itself) with one line when the gold cannot train a
    model: an unknown format, a format without event types, or fewer than MIN_EXAMPLES records.
    """
    say = progress or (lambda message: None)
    target = target_for(fmt, target)
    paths = [gold] if isinstance(gold, (str, Path)) else list(gold)
    if engine is None:
        from strife.engine import LocalEngine
        from strife.pipeline import RULES_ONLY

        engine = LocalEngine(model_dir=RULES_ONLY)  # the rules' coding is what a model learns to correct
    started = time.perf_counter()
    files, problems = _code_files(paths, fmt, engine, target, limit, say)
    coding_seconds = time.perf_counter() - started
    examples = [c.example for coded in files.values() for c in coded]
    if len(examples) < MIN_EXAMPLES:
        raise ValueError(f"{', '.join(map(str, paths))}: {len(examples)} records with a {target} type; "
                         f"at least {MIN_EXAMPLES} are needed to train")
    say(f"cross-validating on {len(examples)} records")
    report = evaluate_examples(examples, target, config=config, folds=folds, seed=seed, baseline=baseline,
                               curve_sizes=curve_sizes)
    if held_back and target == "acled":
        say("training on the dev halves, scoring end to end on the sealed halves")
        report["held_back"] = _held_back(files, target, config, seed, folds, curve_sizes, report["seconds"])
    started = time.perf_counter()
    model = fit_model(examples, target, seed=seed, config=replace(config, **report["thresholds"]))
    report["seconds"].update(coding=round(coding_seconds, 1), final_fit=round(time.perf_counter() - started, 1))
    model.meta = build_meta(target=target, gold_path=" ".join(map(str, paths)), gold_format=fmt,
                            data_sha256=" ".join(file_sha256(p) for p in paths), seed=seed, n_examples=len(examples),
                            extra={"label_counts": _label_counts(examples), "rows_unread": len(problems)})
    report = {"meta": model.meta, **report, "problems": [str(p) for p in problems[:50]]}
    directory = None
    if output is not None:
        from strife.learn.report import write_report

        directory = model.save(output)
        write_report(report, directory)
    return TrainingRun(model, report, directory)


def _code_files(paths: Sequence[str | Path], fmt: str, engine, target: str, limit: Optional[int],
                say: Callable[[str], None]) -> tuple[dict[str, list[CodedCase]], list]:
    """Each gold file read and coded with the rule pipeline: {file name: coded records}, problems."""
    from strife.evaluate import read_gold

    files: dict[str, list[CodedCase]] = {}
    problems: list = []
    for path in paths:
        gold_file = read_gold(path, fmt, limit=limit)
        say(f"coding {len(gold_file.cases)} gold texts of {Path(path).name} with the rule pipeline")
        files[Path(path).name] = code_cases(gold_file.cases, engine, target)
        problems.extend(gold_file.problems)
    return files, problems


def _held_back(files: dict[str, list[CodedCase]], target: str, config: LearnerConfig, seed: int, folds: int,
               curve_sizes: Sequence[int], seconds: dict) -> dict:
    from strife.learn.holdout import held_back

    started = time.perf_counter()
    found = held_back(files, target, config=config, seed=seed, folds=folds, curve_sizes=curve_sizes)
    seconds["held_back"] = round(time.perf_counter() - started, 1)
    return found


def _label_counts(examples: Sequence[Example]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for example in examples:
        counts[example.labels["type"]] = counts.get(example.labels["type"], 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))

