"""Events the rules missed: a trained ACLED model proposes them, one passage at a time.

A *passage* is the unit a user codes: a short report (a text of at most SHORT_REPORT characters,
such as an ACLED note) is one passage; a longer text's passages are its paragraphs, and only those
in which the rules saw something (an event of any kind or a figure) are read, so a model trained on
event records only never turns every paragraph of a news article into an event.

In a passage without a happened event that has an ACLED type, the model's most probable type (read
by its text-only head, `TypeModel.predict(text_only=True)`), when it is at least `add_at` sure of
it, makes an event there:

* a happened event the rules coded in the passage without an ACLED type (say a DISAPPROVE) is given
  the model's ACLED type *in place*: its actors, place, date and figures stay its own;
* otherwise a new event is made from the passage: its first sentence is the evidence, the type and
  sub-type are the model's, actors, place and date are what the rules found in the passage, and the
  figures are only those no event holds (a figure never moves from the incident it counts).

Both carry `origin="model"`. Their confidence is the model's probability, capped just below every
rules event that carries a figure, so the event a user's export keeps for a text (its most confident)
never changes from the one holding the toll to one the model added.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from strife.extract.tolls import incident_toll
from strife.learn.features import CONTEXT_CHARS, Example, eventless_example
from strife.model import Actor, ArticleResult, Count, Event, Place, Span

SHORT_REPORT = CONTEXT_CHARS  # a text this short is one report, read whole
FIGURES = (("fatalities", "killed"), ("injured", "injured"), ("displaced", "displaced"))
MODEL_DISCOUNT = 0.9  # a proposed event ranks below a rules event the model is as sure of
ACLED_PLOVER = {"Battles": "FIGHT", "Explosions/Remote violence": "ASSAULT", "Violence against civilians": "ASSAULT",
                "Protests": "PROTEST", "Riots": "PROTEST", "Strategic developments": "COERCE"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def is_short_report(text: str) -> bool:
    """A text short enough to be one report (an ACLED note, a wire flash), read whole."""
    return len(text.strip()) <= SHORT_REPORT


def passages(text: str, result: ArticleResult) -> list[tuple[int, int]]:
    """The passages of a text the model may add an event to (see the module docstring)."""
    if is_short_report(text):
        return [_trimmed(text, 0, len(text))] if text.strip() else []
    found, start = [], 0
    for line in text.split("\n"):
        bounds = _trimmed(text, start, start + len(line))
        start += len(line) + 1
        if bounds[1] > bounds[0] and _rules_saw_something(result, bounds):
            found.append((bounds[0], min(bounds[1], bounds[0] + CONTEXT_CHARS)))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inside(span: Optional[tuple[int, int]], bounds: tuple[int, int]) -> bool:
    return span is not None and bounds[0] <= span[0] < bounds[1]


def _rules_saw_something(result: ArticleResult, bounds: tuple[int, int]) -> bool:
    return any(_inside((e.evidence.start, e.evidence.end), bounds) for e in result.events) or any(
        c.kind and _inside(c.span, bounds) for c in result.counts)


def events_in(result: ArticleResult, bounds: tuple[int, int]) -> list[Event]:
    return [e for e in result.events if _inside((e.evidence.start, e.evidence.end), bounds)]


def open_passages(text: str, result: ArticleResult, over_rules_events: bool = True,
                  judged: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Passages with no happened event that has an ACLED type: where the rules missed one. Without
    `over_rules_events`, only those with no happened event at all and no words the rules ruled out:
    where they coded a statement, a demand or a meeting and gave it no ACLED type, or read war's words
    and judged that nothing happened (`judged`: a hazard as the killer, a statistic over years or a
    habit, `strife.extract.judged`), that judgement stands. An act the rules negated or called
    hypothetical stays open: those readings are the ones they most often get wrong in a short report
    ('police prevented the march', an act someone 'allowed' others to do)."""
    def taken(event: Event) -> bool:
        return not (event.negated or event.hypothetical) and (bool(event.acled_event_type) or not over_rules_events)

    ruled_out = () if over_rules_events else judged
    return [b for b in passages(text, result)
            if not any(taken(e) for e in events_in(result, b)) and not any(_inside((j, j), b) for j in ruled_out)]


def passage_example(text: str, result: ArticleResult, bounds: tuple[int, int]) -> Example:
    """What the model reads of a passage: the same example as a gold record whose text gave no event."""
    return eventless_example(text, result, bounds=bounds)


def propose(result: ArticleResult, text: str, bounds: tuple[int, int], label: str, sub_label: Optional[str],
            probability: float) -> Event:
    """Make (or type in place) the event the model reads in a passage; returns it, already in `result`."""
    found = [e for e in events_in(result, bounds) if not (e.negated or e.hypothetical)]
    if found:
        event = max(found, key=lambda e: e.confidence)
        event.acled_event_type, event.acled_sub_event_type, event.origin = label, sub_label, "model"
        return event
    event = _new_event(result, text, bounds, label, sub_label)
    event.confidence = _capped(result, probability * MODEL_DISCOUNT)
    result.events.append(event)
    return event


def _capped(result: ArticleResult, confidence: float) -> float:
    """Below every rules event with a figure: a proposed event never outranks the event holding a toll."""
    tolls = [e.confidence for e in result.events if any(getattr(e, name) is not None for name, _ in FIGURES)]
    ceiling = min(tolls) - 0.01 if tolls else 0.99
    return round(max(0.01, min(confidence, ceiling)), 3)


def _new_event(result: ArticleResult, text: str, bounds: tuple[int, int], label: str, sub_label: Optional[str]) -> Event:
    unreal = events_in(result, bounds)  # negated or hypothetical: their roles still name who and where
    donor = max(unreal, key=lambda e: e.confidence) if unreal else None
    start, end = first_sentence(text, bounds)
    event = Event(id=f"{result.article.id}-m{len(result.events) + 1}", event_type=_plover(label, donor),
                  acled_event_type=label, acled_sub_event_type=sub_label, origin="model",
                  evidence=Span(start=start, end=end, text=text[start:end]))
    _set_plover_coding(event)
    event.source, event.target = _roles(result, bounds, donor)
    event.location = donor.location if donor and donor.location else _place(result.places, bounds)
    _set_date(event, result, bounds, donor)
    for name, kind in FIGURES:
        setattr(event, name, _free_count(result, text, bounds, kind))
    return event


def first_sentence(text: str, bounds: tuple[int, int]) -> tuple[int, int]:
    """The passage's first sentence: the evidence of an event proposed for it."""
    match = _SENTENCE_END.search(text, bounds[0], bounds[1])
    end = match.start() if match else bounds[1]
    return _trimmed(text, bounds[0], end)


def _plover(label: str, donor: Optional[Event]) -> str:
    return donor.event_type if donor is not None else ACLED_PLOVER.get(label, "FIGHT")


def _set_plover_coding(event: Event) -> None:
    from strife.ontology import load_ontology

    onto = load_ontology()
    if event.event_type in onto.types:
        kind = onto.plover(event.event_type)
        event.quad, event.cameo_root = kind.quad, kind.cameo_root
        event.cameo_code = kind.cameo_root


def _roles(result: ArticleResult, bounds: tuple[int, int], donor: Optional[Event]) -> tuple[list[Actor], list[Actor]]:
    """The donor's roles, else the passage's first actor as source and its second as target."""
    if donor is not None and (donor.source or donor.target):
        return list(donor.source), list(donor.target)
    actors = [a for a in result.actors if _inside(a.span, bounds)]
    return actors[:1], actors[1:2]


def _place(places: Sequence[Place], bounds: tuple[int, int]) -> Optional[Place]:
    """The passage's first town, else its first place of any kind."""
    inside = [p for p in places if _inside(p.span, bounds)]
    return next((p for p in inside if p.feature == "city"), inside[0] if inside else None)


def _set_date(event: Event, result: ArticleResult, bounds: tuple[int, int], donor: Optional[Event]) -> None:
    mention = next((d for d in result.dates if _inside(d.span, bounds) and d.date and not d.future), None)
    if mention is not None:
        event.date, event.date_end, event.date_precision = mention.date, mention.date_end, mention.precision
    elif donor is not None and donor.date is not None:
        event.date, event.date_end, event.date_precision = donor.date, donor.date_end, donor.date_precision
    elif result.article.published is not None:
        event.date, event.date_precision = result.article.published, "reported"


def _free_count(result: ArticleResult, text: str, bounds: tuple[int, int], kind: str) -> Optional[Count]:
    """The figure of this kind in the passage that no event holds and that is an incident's own; the
    figures of one sentence are one toll ("A soldier and a civilian died in crossfire": 2, as
    `strife.extract.tolls.incident_toll` adds the victims listed), never only the first of them."""
    held = {id(c) for e in result.events for c in (e.fatalities, e.injured, e.displaced) if c is not None}
    held_spans = {c.span for e in result.events for c in (e.fatalities, e.injured, e.displaced) if c is not None}
    free = [count for count in result.counts
            if count.kind == kind and _inside(count.span, bounds) and count.event_id is None and id(count) not in held
            and count.span not in held_spans and not (count.aggregate or count.perpetrator_claim or count.total)]
    if not free:
        return None
    sentence = _sentence_of(text, free[0].span[0], bounds)
    told = [count for count in free if _inside(count.span, sentence) and count.part_of is None]
    if len(told) < 2:
        return free[0].model_copy()
    toll = incident_toll(told, text, layout=_OneSentence())
    return toll.model_copy() if toll is not None else free[0].model_copy()


class _OneSentence:
    """The layout of figures told in one sentence: none restates another (`incident_toll` reads a
    figure repeated in another sentence as the same people again, never one in the same sentence)."""

    def sentence(self, char: int) -> int:
        return 0

    def paragraph(self, char: int) -> int:
        return 0


def _sentence_of(text: str, at: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """The bounds of the sentence of the passage that holds offset ``at``."""
    start = bounds[0]
    for match in _SENTENCE_END.finditer(text, bounds[0], bounds[1]):
        if match.start() > at:
            return start, match.start()
        start = match.end()
    return start, bounds[1]
