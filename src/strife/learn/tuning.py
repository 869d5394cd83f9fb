"""Out-of-fold predictions and the one threshold they tune: when a trained model may overrule the rules.

`cross_validate` gives each example the prediction of a model that never saw it; `applied_guess`
is the type an event ends up with under `--model-dir` (`strife.learn.apply`); `tuned` picks the
`override_at` that types the rules' events best out of fold, so a model fitted on few records, or
on a codebook the rules already follow, leaves the rules' type alone. Shared by `trainer` and
`holdout` (neither imports the other's module for it).
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from typing import Optional, Sequence

import numpy as np

from strife.learn.features import NO_EVENT, Example, type_ok
from strife.learn.model import (
    LearnerConfig,
    Prediction,
    TypeModel,
    fit_model,
    in_parallel,
)


def folds_of(examples: Sequence[Example], folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified (by type), shuffled, seeded folds; fewer folds when there are few records."""
    from sklearn.model_selection import StratifiedKFold

    labels = [e.labels["type"] for e in examples]
    k = max(2, min(folds, len(examples) // 2))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "least populated class has only 1 member": rare types are kept
        return list(StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels))


def cross_validate(examples: Sequence[Example], target: str, *, config: LearnerConfig = LearnerConfig(),
                   folds: int = 5, seed: int = 0) -> list[Prediction]:
    """Out-of-fold predictions, one per example, in order: each from a model that never saw it.
    The folds are fitted side by side (`in_parallel`); each fit is seeded, so the result is the same."""
    predictions: list[Optional[Prediction]] = [None] * len(examples)
    config = replace(config, veto=False)  # out-of-fold types only: the veto head is not read here

    def fold(indices: tuple[np.ndarray, np.ndarray]) -> list[Prediction]:
        train_idx, test_idx = indices
        model = fit_model([examples[i] for i in train_idx], target, seed=seed, config=config)
        held = [examples[i] for i in test_idx]
        found = model.predict(held)
        if "pair_text" not in model.heads:
            return found
        return [replace(p, text=t) for p, t in zip(found, model.predict(held, text_only=True))]  # for `text_labels`

    splits = folds_of(examples, folds, seed)
    for (_, test_idx), found in zip(splits, in_parallel(fold, splits)):
        for i, prediction in zip(test_idx, found):
            predictions[i] = prediction
    return [p for p in predictions if p is not None]


def applied_guess(example: Example, prediction: Prediction, config: LearnerConfig) -> tuple[Optional[str], Optional[str]]:
    """The (type, sub-type) an event ends up with under `--model-dir` (see `strife.learn.apply`);
    a training example's event is its record's event, so the text head's type applies too (`text_labels`)."""
    labels = applied_labels((example.rule_labels.get("type"), example.rule_labels.get("sub_type")), prediction, config)
    return text_labels(labels, prediction.text, config) if prediction.text is not None else labels


def text_labels(labels: tuple[Optional[str], Optional[str]], text: Prediction,
                config: LearnerConfig) -> tuple[Optional[str], Optional[str]]:
    """The (type, sub-type) of a record's event once the text head has read its passage: the head's
    own when it is at least `text_override_at` sure of another type. ACLED codes a record by what
    its text reports; the head reads the text alone, so it is the one part of the model whose
    disagreements with the rules are not the rules' own coding fed back (out of fold on the 2020
    records, above 0.95 it is right on about two of every three records it retypes)."""
    if text.label not in (labels[0], NO_EVENT) and text.probability >= config.text_override_at:
        return text.label, text.sub_label
    return labels


def applied_labels(rules: tuple[Optional[str], Optional[str]], prediction: Prediction,
                   config: LearnerConfig) -> tuple[Optional[str], Optional[str]]:
    """The (type, sub-type) the model leaves on an event the rules coded `rules`: its own type when
    it is sure enough (`override_at`, `override_margin`), else the
    rules' type with the model's sub-type of it when that is sure enough (`sub_override_at`)."""
    override = prediction.probability >= config.override_at and (
        prediction.probability - prediction.type_probabilities.get(rules[0] or "", 0.0) >= config.override_margin)
    if override and prediction.label != rules[0]:
        return prediction.label, prediction.sub_label
    if prediction.label == rules[0] and prediction.sub_label and prediction.sub_probability >= config.sub_override_at:
        return rules[0], prediction.sub_label
    return rules


OVERRIDE_GRID = (0.25, 0.35, 0.5, 0.7, 0.9, 1.01)  # 1.01: never override the rules' type
SUB_GRID = (0.35, 0.5, 0.7, 0.9, 1.01)
TEXT_GRID = (0.8, 0.9, 0.95, 0.98, 1.01)


def tuned(examples: Sequence[Example], predictions: Sequence[Prediction], config: LearnerConfig) -> LearnerConfig:
    """`config` with the `override_at` (and `sub_override_at`) that type the rules' events best out
    of fold: a model fitted on few records (or on a codebook the rules already follow) learns to
    leave the rules' coding alone. Type hits first, then sub-type hits; ties go to the higher
    thresholds (fewer changes)."""
    chosen = [i for i, e in enumerate(examples) if e.rule_labels]
    if not chosen:
        return config

    def hits(pair: tuple[float, float]) -> tuple[int, int, float, float]:
        trial = replace(config, override_at=pair[0], sub_override_at=pair[1])
        guesses = [(examples[i], applied_guess(examples[i], predictions[i], trial)) for i in chosen]
        types = sum(type_ok(example, guess[0]) for example, guess in guesses)
        subs = sum(guess[1] == example.labels.get("sub_type") for example, guess in guesses if example.labels.get("sub_type"))
        return types, subs, pair[0], pair[1]

    best = max(((at, sub) for at in OVERRIDE_GRID for sub in SUB_GRID), key=hits)
    config = replace(config, override_at=best[0], sub_override_at=best[1])
    if all(predictions[i].text is None for i in chosen):
        return config

    def text_hits(at: float) -> tuple[int, float]:
        trial = replace(config, text_override_at=at)
        return sum(type_ok(examples[i], applied_guess(examples[i], predictions[i], trial)[0]) for i in chosen), at

    return replace(config, text_override_at=max(TEXT_GRID, key=text_hits))


def fit_tuned(examples: Sequence[Example], target: str, *, config: LearnerConfig, folds: int, seed: int,
              predictions: Optional[Sequence[Prediction]] = None) -> TypeModel:
    """A model fitted on every example, its `override_at` chosen on out-of-fold predictions (`tuned`)."""
    if predictions is None:
        predictions = cross_validate(examples, target, config=config, folds=folds, seed=seed)
    return fit_model(examples, target, seed=seed, config=tuned(examples, predictions, config))
