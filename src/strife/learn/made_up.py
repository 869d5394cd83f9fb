"""strife's own made-up training notes (`data/typer_training.csv`) as examples of a text head.

The file holds ACLED-style notes written for strife (places, people and groups invented; the type
and sub-event type a coder gives each under ACLED's codebook) and texts that report no event
(`NO_EVENT`). No ACLED record is in it, so whatever is fitted on it may ship. Two readers use it:
the built-in typer (`strife.learn.builtin`) learns from all of it, and a user's model
(`LearnerConfig.shipped_no_events`) takes its no-event texts, since a team's gold holds events only
and a model that has never seen a text without one finds one in every passage it reads.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from strife.learn.features import NO_EVENT, Example, eventless_example

TRAINING_FILE = Path(__file__).resolve().parents[1] / "data" / "typer_training.csv"


def training_examples(path: Path = TRAINING_FILE) -> list[Example]:
    """The training notes as examples of the text head: each note's text with its type (today's ACLED
    types; `NO_EVENT` for a text that reports none) and sub-event type. Read here, not as gold: the
    pipeline loads the built-in typer, and the gold readers load the pipeline."""
    examples = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            example = eventless_example(row["notes"], None, origin=f"{path.name}:{number}")
            example.labels = {"type": row["event_type"], "sub_type": row["sub_event_type"] or None}
            examples.append(example)
    return examples


@lru_cache(maxsize=1)
def no_event_examples() -> tuple[Example, ...]:
    """The file's texts that report no event (statements, plans, running totals, disasters, words of
    war in other senses, and near misses of event notes), read once per process."""
    return tuple(e for e in training_examples() if e.labels["type"] == NO_EVENT)
