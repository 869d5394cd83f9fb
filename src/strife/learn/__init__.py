"""Teach strife a codebook: train an event typer on hand-coded records (`strife train`).

    from strife.learn import train, load_model
    run = train("my-acled-export.csv", "acled", "models/acled", seed=0)   # CV report + model dir
    print(run.report["cv"]["type"])                                     # accuracy, 95% CI
    model = load_model("models/acled")                                   # used by --model-dir

Modules: `legacy` (old ACLED category names -> today's), `features` (what the typer sees of an
event), `data` (gold records -> labelled examples), `model` (the scikit-learn typer, saved with
skops), `tuning` (out-of-fold predictions, the override threshold), `trainer` (cross-validation, learning curve, report), `holdout` (train on the dev halves, score end to end on the sealed ones), `detect` (events the rules missed), `apply` (the `strife_typer` pipeline
component), `active` (active learning: `suggest`), `made_up` (strife's made-up training notes), `builtin` (the built-in typer every pipeline applies, fitted on
them) and `linear` (a text head as arrays, run without scikit-learn). Heavy modules load on first use, so reading gold (which
needs only `legacy`) does not import scikit-learn.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "modern_acled_type": "legacy", "acled_legacy_types": "legacy", "LegacyType": "legacy",
    "Example": "features", "event_example": "features", "eventless_example": "features", "TARGETS": "features",
    "CodedCase": "data", "code_cases": "data", "target_for": "data",
    "LearnerConfig": "model", "ModelDirError": "model", "Prediction": "model", "TypeModel": "model",
    "fit_model": "model", "load_model": "model",
    "TrainingRun": "trainer", "train": "trainer", "cross_validate": "tuning", "learning_curve": "trainer",
    "tuned": "tuning", "held_back": "holdout", "end_to_end": "holdout",
    "retype_result": "apply", "typer_for": "apply",
    "Suggestion": "active", "suggest": "active",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'strife.learn' has no attribute {name!r}")
    return getattr(importlib.import_module(f"strife.learn.{module}"), name)
