"""strife's built-in typer: a model trained on made-up notes only, which every pipeline applies
unless the user gives their own (`--model-dir`) or asks for the rules alone (`--rules-only`).

What it is for: the rules miss events that a short report tells in a wording they were never
written for ("Clashes in X.", "Youths burnt tyres on the road to X demanding ..."). A statistical
reader of the text catches many of them. The built-in model only **adds**: in a short report where
the rules found no happened event at all it proposes one (`strife.learn.detect`). It never retypes
or vetoes an event the rules coded (`BUILTIN_CONFIG`): on the dev records the rules' type beats a
model of made-up notes wherever the rules found an event, and it is the rules' type that a rule
and its made-up test can explain. Nor does it read the paragraphs of a longer article, or a passage
where the rules coded a statement or a demand with no ACLED type: their judgement stands.

Its training file, `data/typer_training.csv`, holds ACLED-style notes written for strife (places,
people and groups invented; the type and sub-event type a coder gives each under ACLED's codebook)
and texts that report no event (`NO_EVENT`: statements, plans, running totals, disasters, words of
war in other senses), so that it learns to stay silent. No ACLED record is in it, so the model may
ship. No text of a test table (`tests/data/*.csv`) is in it either, so those tests still check the
pipeline on text the model never saw. `strife.learn.made_up` reads it; a user's model takes its no-event
texts for its gate (`LearnerConfig.shipped_no_events`).

It reads the text alone (`LearnerConfig.retype` off), so it needs no coding of its training notes
and fits in seconds: the first pipeline that needs it fits it into strife's cache directory
(`STRIFE_CACHE`, default ~/.cache/strife, beside the gazetteer's index), named by the training
file's hash and the versions that made it, and every later one loads it from there.

    python -m strife.learn.builtin      # fit it now (strife doctor and the first extract do it too)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from strife.learn.made_up import TRAINING_FILE, training_examples
from strife.learn.model import LearnerConfig, TypeModel

SEED = 0
VERSION = 1  # bump when the fitting below changes, so cached models of the old one are refitted
# A text head alone, proposing only (see the module docstring); min_df 2: an n-gram of one made-up note names it alone.
# Its own data holds the texts without an event, so it needs no gate (`LearnerConfig.shipped_no_events`).
BUILTIN_CONFIG = LearnerConfig(retype=False, veto=False, override_at=1.01, sub_override_at=1.01, text_override_at=1.01,
                               min_df=2, detect_in_paragraphs=False, detect_over_rules_events=False,
                               shipped_no_events=False)


def fit_builtin(path: Path = TRAINING_FILE) -> TypeModel:
    """The built-in model fitted on `path` (a few seconds)."""
    from strife.learn.model import build_meta, file_sha256, fit_model

    examples = training_examples(path)
    model = fit_model(examples, "acled", seed=SEED, config=BUILTIN_CONFIG)
    model.meta = build_meta(target="acled", gold_path=path.name, gold_format="acled", data_sha256=file_sha256(path),
                            seed=SEED, n_examples=len(examples),
                            extra={"label_counts": dict(Counter(e.labels["type"] for e in examples).most_common()),
                                   "built_in": VERSION})
    return model


def builtin_model_dir() -> str:
    """The built-in model's directory in the cache, fitted there first if it is not yet (written whole
    by `strife.cache.cached_folder`, so processes starting together never read half a model)."""
    from strife.cache import cached_folder

    folder = model_folder()
    return str(cached_folder(folder.name, lambda scratch: fit_builtin().save(scratch), done="meta.json"))


def model_folder() -> Path:
    """typer-<key>: a new training file, setting, strife fitting or scikit-learn gets a model of its own."""
    import hashlib
    import json
    from dataclasses import asdict
    from importlib.metadata import version

    from strife.learn.model import FORMAT_VERSION, file_sha256
    from strife.cache import cache_dir

    made_by = json.dumps([file_sha256(TRAINING_FILE), asdict(BUILTIN_CONFIG), VERSION, FORMAT_VERSION,
                          version("scikit-learn")], sort_keys=True)
    return cache_dir() / f"typer-{hashlib.sha256(made_by.encode()).hexdigest()[:16]}"


def main() -> int:
    """`python -m strife.learn.builtin`: fit the built-in model into the cache (if it is not there) and say where."""
    print(f"built-in typer: {builtin_model_dir()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
