"""Gold records as training examples: code each text with the rule pipeline, then label its event.

The event a gold record labels is the one `strife eval` would credit to it (`choose_event`): for an
ACLED row the most confident event with an ACLED type, for a PLOVER sentence the event whose
trigger lies in the gold's EVT mark-up. A text where strife found no such event still gives an
example (`eventless_example`), so the model learns from every record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

from strife.evaluate.records import EvalCase, GoldRecord
from strife.evaluate.score import choose_event
from strife.learn.features import Example, event_example, eventless_example
from strife.model import ArticleResult, Event

DEFAULT_TARGET = {"acled": "acled", "plover-gsr": "plover", "strife": "plover"}


@dataclass
class CodedCase:
    """One gold record, what the rule pipeline coded from its text, and the example it gives."""

    case: EvalCase
    gold: GoldRecord
    result: Optional[ArticleResult]
    example: Example


def target_for(fmt: str, target: Optional[str] = None) -> str:
    """The label a gold format teaches (acled: ACLED types; plover-gsr, strife: PLOVER); ValueError otherwise."""
    if target:
        return target
    if fmt not in DEFAULT_TARGET:
        raise ValueError(f"{fmt} gold carries no event type strife can learn (train on acled, plover-gsr or strife gold)")
    return DEFAULT_TARGET[fmt]


def labels_of(gold: GoldRecord, target: str) -> dict[str, Optional[str]]:
    if target == "acled":
        return {"type": gold.acled_type, "sub_type": gold.acled_sub_type, "accept": ";".join(gold.acled_accept) or None}
    return {"type": gold.plover}


def code_cases(cases: Sequence[EvalCase], engine, target: str,
               progress: Optional[Callable[[int], None]] = None) -> list[CodedCase]:
    """Code every case's text with `engine` (batched) and make one labelled example per gold record.

    Records without the target's label (an ACLED row the legacy map cannot type, a PLOVER record
    of no category) are left out.
    """
    from strife.engine import Coded

    coded: list[CodedCase] = []
    outcomes = engine.run(case.article for case in cases)
    for done, (case, outcome) in enumerate(zip(cases, outcomes, strict=True), start=1):
        result = outcome.result if isinstance(outcome, Coded) else None
        for gold in case.gold:
            labels = labels_of(gold, target)
            if not labels.get("type"):
                continue
            example = _example(case, gold, result, target)
            example.labels = labels
            coded.append(CodedCase(case, gold, result, example))
        if progress:
            progress(done)
    return coded


def rule_labels(event: Event, target: str) -> dict[str, Optional[str]]:
    """What the rule-based coder gave an event, in the target's terms."""
    if target == "acled":
        return {"type": event.acled_event_type, "sub_type": event.acled_sub_event_type}
    return {"type": event.event_type}


def _example(case: EvalCase, gold: GoldRecord, result: Optional[ArticleResult], target: str) -> Example:
    text = case.article.text
    event = choose_event(case, gold, result.events) if result is not None else None
    if event is None:
        return eventless_example(text, result, origin=case.origin)
    example = event_example(text, event, result, origin=case.origin)
    example.rule_labels = rule_labels(event, target)
    return example


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
