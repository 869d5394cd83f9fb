"""Gold records as training examples: code each text with the rule pipeline, then label its event.

The event a gold record labels is the one `strife eval` would credit to it (`choose_event`): for an
ACLED row the most confident event with an ACLED type, for a PLOVER sentence the event whose
trigger lies in the gold's EVT mark-up. A text where strife found no such event still gives an
example (`eventless_example`), so the model learns from every record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from strife.evaluate.records import EvalCase, GoldRecord
from strife.evaluate.score import choose_event, happened
from strife.learn.features import NO_EVENT, Example, event_example, eventless_example
from strife.model import ArticleResult, Event

DEFAULT_TARGET = {"acled": "acled", "plover-gsr": "plover", "strife": "plover"}
VETO_LABELS = {False: "event", True: "no event"}  # the veto head's two classes


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
            example.labels = {**example.labels, **labels}  # the veto's label stays
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
    if target == "acled":
        _label_veto(example, event, case, gold, result)
    return example


def _label_veto(example: Example, credited: Event, case: EvalCase, gold: GoldRecord, result: ArticleResult) -> None:
    """What the veto learns from an ACLED record (`VETO_LABELS`): the record codes one event, so a
    rules event of another ACLED type than the gold's, other than the one credited to it, is no
    event of the record; so is the credited one when it has the wrong type and another event of the
    text has the right one (the coder's event is that one). Every other event is an event."""
    no_event = gold.acled_type == NO_EVENT  # a text that reports no event: every event the rules found in it is none

    def right(event: Event) -> bool:
        return not no_event and (event.acled_event_type == gold.acled_type or event.acled_event_type in gold.acled_accept)

    others = [e for e in happened(result.events) if e.acled_event_type and e is not credited]
    wrong_top = not right(credited) and (no_event or any(right(e) for e in others))
    example.labels["veto"] = VETO_LABELS[wrong_top]
    for event in others:
        other = event_example(case.article.text, event, result, origin=case.origin)
        other.labels = {"veto": VETO_LABELS[not right(event)]}
        example.others.append(other)
