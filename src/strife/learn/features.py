"""What a trained typer sees of one event: its text and what the rule-based stages made of it.

A trained model types the events the extractor finds, so an *example* is one event in its
context: the line it was found in (for an ACLED note or a PLOVER sentence, the whole text),
the words around its trigger, and strife's own coding as features (the rule-based PLOVER and ACLED
type, mode, trigger word, actor sectors, whether a civilian is the target, figures and their
kinds, the other events of the line). The same function builds the examples a model is
trained on and the ones it types at run time, so training and use cannot drift apart.

A gold row whose text gave no event still trains the model (its features say so); at run time
only found events are typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from strife.extract import line_bounds
from strife.model import ArticleResult, Event

TARGETS = ("acled", "plover")
NO_EVENT = "No event"  # ACLED training records that report no event (`strife.learn.builtin`): the text head learns
# to stay silent on them and the veto learns the rules' events in them; never a type an event is given
CONTEXT_CHARS = 1500  # a line longer than this is cut around the event
WINDOW_WORDS = 6  # words each side of the trigger kept as the trigger's window
_WORD = re.compile(r"\w[\w'-]*")


@dataclass
class Example:
    """One event (or one eventless text) to type: text, trigger window and feature dict."""

    text: str
    window: str
    features: dict[str, float]
    labels: dict[str, Optional[str]] = field(default_factory=dict)  # "type", "sub_type"; "accept": other right types, ";"
    rule_labels: dict[str, Optional[str]] = field(default_factory=dict)  # what the rules coded (training only)
    origin: str = ""
    others: list[Example] = field(default_factory=list)  # the record's other rules events (training the veto)


def type_ok(example: Example, guess: Optional[str]) -> bool:
    """The guess is the example's type or one its gold also accepts (old exports: "Protests;Riots")."""
    return guess is not None and (guess == example.labels.get("type") or guess in (example.labels.get("accept") or "").split(";"))


def context_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line holding [start, end) (`strife.extract.line_bounds`: the text between line breaks,
    which the event coder reads as an event's context too), cut to CONTEXT_CHARS around it."""
    lo, hi = line_bounds(text, start, end)
    if hi - lo > CONTEXT_CHARS:
        middle = (start + end) // 2
        lo = max(lo, middle - CONTEXT_CHARS // 2)
        hi = min(hi, lo + CONTEXT_CHARS)
    return lo, hi


def trigger_window(text: str, event: Event) -> str:
    """The trigger and WINDOW_WORDS words either side of it (within the trigger's line)."""
    anchor = event.trigger or event.evidence
    lo, hi = context_bounds(text, anchor.start, anchor.end)
    before = _WORD.findall(text[lo:anchor.start])[-WINDOW_WORDS:]
    after = _WORD.findall(text[anchor.end:hi])[:WINDOW_WORDS]
    return " ".join([*before, anchor.text, *after])


def trigger_key(event: Event) -> str:
    """The trigger word, lower case, with a plural or verb ending trimmed ('shelled' -> 'shell')."""
    word = (event.trigger.text if event.trigger else "").lower().split()[-1:] or [""]
    key = word[0]
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            return key[: -len(suffix)]
    return key


def event_features(event: Event, neighbours: Sequence[Event], result: ArticleResult,
                   bounds: tuple[int, int]) -> dict[str, float]:
    """strife's own coding of `event` and of the other events and figures in its line."""
    features: dict[str, float] = {
        f"rule_plover={event.event_type}": 1.0,
        f"rule_mode={event.event_type}/{event.mode or '-'}": 1.0,
        f"rule_acled={event.acled_event_type or '-'}": 1.0,
        f"rule_acled_sub={event.acled_sub_event_type or '-'}": 1.0,
        f"trigger={trigger_key(event)}": 1.0,
        f"trigger_type={trigger_key(event)}/{event.event_type}": 1.0,
    }
    for role, actors in (("source", event.source), ("target", event.target)):
        sectors = {(a.sector or "?")[:3] for a in actors} or {"none"}
        for sector in sectors:
            features[f"{role}_sector={sector}"] = 1.0
        if any(a.uncertain for a in actors):
            features[f"{role}_uncertain"] = 1.0
    if any((a.sector or "").startswith("CVL") for a in event.target):
        features["civilian_target"] = 1.0
    for name, count in (("killed", event.fatalities), ("injured", event.injured), ("displaced", event.displaced)):
        if count is not None and (count.best or count.low):
            features[f"has_{name}"] = 1.0
    for flag in ("negated", "hypothetical"):
        if getattr(event, flag):
            features[flag] = 1.0
    if event.location is not None:
        features[f"place={event.location.feature or 'place'}"] = 1.0
    features.update(_line_features(event, neighbours, result, bounds))
    return features


def _line_features(event: Event, neighbours: Sequence[Event], result: ArticleResult,
                        bounds: tuple[int, int]) -> dict[str, float]:
    features: dict[str, float] = {}
    for other in neighbours:
        if other is event:
            continue
        features[f"other_plover={other.event_type}"] = 1.0
        if other.acled_event_type:
            features[f"other_acled={other.acled_sub_event_type or other.acled_event_type}"] = 1.0
    for count in result.counts:
        if count.span and bounds[0] <= count.span[0] < bounds[1]:
            features[f"count_kind={count.kind or 'other'}"] = 1.0
            if count.victims:
                features[f"count_victims={count.victims.lower().split()[-1]}"] = 1.0
    features[f"events_in_paragraph={min(len(neighbours), 4)}"] = 1.0  # the line's; trained models know this name
    return features


def event_example(text: str, event: Event, result: ArticleResult, origin: str = "") -> Example:
    """The example of one found event: its line, trigger window and features."""
    bounds = context_bounds(text, event.evidence.start, event.evidence.end)
    neighbours = [e for e in result.events if bounds[0] <= e.evidence.start < bounds[1]]
    return Example(
        text=text[bounds[0]:bounds[1]], window=trigger_window(text, event),
        features=event_features(event, neighbours, result, bounds), origin=origin,
    )


def eventless_example(text: str, result: Optional[ArticleResult], origin: str = "",
                      bounds: Optional[tuple[int, int]] = None) -> Example:
    """The example of a text (or of the passage `bounds` of it) in which strife found no event to
    credit: its gold still teaches, and at run time the model reads passages the rules missed so."""
    bounds = bounds or (0, min(len(text), CONTEXT_CHARS))
    features: dict[str, float] = {"no_event": 1.0}
    if result is not None:
        inside = [e for e in result.events if bounds[0] <= e.evidence.start < bounds[1]]
        features.update(_line_features(_NO_EVENT, inside, result, bounds))
    return Example(text=text[bounds[0]:bounds[1]], window="", features=features, origin=origin)


def examples_for(text: str, events: Iterable[Event], result: ArticleResult) -> list[Example]:
    """One example per event, in order: what the typer classifies at run time."""
    return [event_example(text, event, result) for event in events]


_NO_EVENT = Event(id="-", event_type="-", evidence={"start": 0, "end": 0, "text": ""})
