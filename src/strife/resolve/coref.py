"""One incident, one event: merge an article's repeated mentions of the same incident.

News tells an incident several times: in the headline, in the lead, and again in a later detail
("... was shelled by anti-Assad forces. Two nurses were killed in the attack."). A coder writes
one row for it. Two events are taken as one incident only on positive evidence, never on
similarity alone, because two airstrikes on one day are two events:

- the later one is an anaphoric mention: its trigger is a definite or demonstrative noun with
  no arguments of its own ("the attack", "these strikes", "the shelling"), within the next two
  sentences of its paragraph or the one after; or
- the earlier one is in the headline and the later one is the first compatible event of the
  article's body.

Either way the two must be of one family (ASSAULT and FIGHT are one family, as are the verbal
types with each other only when they are the same type), both real (not negated or
hypothetical), and must not contradict each other on who, where or when.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc, Token

from strife.extract import doc_tokens
from strife.model import Actor, Event, Span
from strife.ontology import load_ontology
from strife.ontology.families import FORCE, family

FIELDS_TO_FILL = ("date", "date_end", "location", "fatalities", "injured", "displaced", "attribution", "mode", "context")


def merge_mentions(events: list[Event], doc: Doc, layout, headline_end: Optional[int]) -> dict[str, str]:
    """Merge repeated mentions in place (`events` keeps the survivors); return absorbed id -> survivor id."""
    absorbed: dict[str, str] = {}
    headline_used: set[str] = set()  # each headline event stands for one body event, the first compatible one
    told = _Told(events, layout, headline_end)
    for later in list(events):
        earlier = _antecedent(later, told, doc, layout, headline_end, absorbed, headline_used)
        if earlier is None:
            continue
        if headline_end is not None and earlier.evidence.end <= headline_end:
            # The body tells the incident in full: its coding wins and the headline becomes a mention.
            headline_used.add(earlier.id)
            earlier, later = later, earlier
        absorb(earlier, later)
        told.place(earlier)  # it may have taken the other's evidence, and with it a new place in the text
        absorbed[later.id] = earlier.id
    events[:] = [event for event in events if event.id not in absorbed]
    return {old: _final(old, absorbed) for old in absorbed}


class _Told:
    """The article's events indexed by what makes one the antecedent of another: the same
    trigger, an anchor in the same or the two sentences before, or evidence in the headline.

    Testing every earlier event for every event made merging quadratic in article length; the
    rules below can only pick an event these indexes hold for the later one.
    """

    def __init__(self, events: Sequence[Event], layout, headline_end: Optional[int]):
        self.layout, self.headline_end = layout, headline_end
        self.position = {event.id: number for number, event in enumerate(events)}  # events are in text order
        self.by_trigger: dict[tuple[int, int, str], list[Event]] = {}
        self.sentence_of: dict[str, int] = {}
        self.by_sentence: dict[int, dict[str, Event]] = {}
        self.in_headline: dict[str, Event] = {}
        for event in events:
            if event.trigger:
                self.by_trigger.setdefault(_span_key(event.trigger), []).append(event)
            self.place(event)

    def place(self, event: Event) -> None:
        """(Re)index the event where its anchor and evidence now are."""
        old = self.sentence_of.get(event.id)
        if old is not None:
            del self.by_sentence[old][event.id]
        sentence = self.sentence_of[event.id] = self.layout.sentence(event_anchor(event))
        self.by_sentence.setdefault(sentence, {})[event.id] = event
        if self.headline_end is not None and event.evidence.end <= self.headline_end:
            self.in_headline[event.id] = event
        else:
            self.in_headline.pop(event.id, None)

    def before(self, later: Event, events: Iterable[Event]) -> list[Event]:
        """Those of `events` listed before `later`, in list order."""
        position = self.position[later.id]
        return sorted((e for e in events if self.position[e.id] < position), key=lambda e: self.position[e.id])

    def same_trigger(self, event: Event) -> list[Event]:
        return [e for e in self.by_trigger.get(_span_key(event.trigger), []) if e.trigger == event.trigger]

    def anchored_near(self, event: Event) -> list[Event]:
        """Events anchored in the sentence of `event`'s anchor or the two before (as `_near` asks)."""
        sentence = self.layout.sentence(event_anchor(event))
        return [e for s in range(sentence - 2, sentence + 1) for e in self.by_sentence.get(s, {}).values()]


def _span_key(span: Span) -> tuple[int, int, str]:
    return (span.start, span.end, span.text)


def _final(event_id: str, absorbed: dict[str, str]) -> str:
    while event_id in absorbed:
        event_id = absorbed[event_id]
    return event_id


def _antecedent(later: Event, told: _Told, doc: Doc, layout, headline_end: Optional[int],
                absorbed: dict[str, str], headline_used: set[str]) -> Optional[Event]:
    if not is_real(later):
        return None

    def candidates(events: Iterable[Event]) -> list[Event]:
        return [e for e in told.before(later, events) if e.id not in absorbed and is_real(e) and _compatible(e, later)]

    same_trigger = candidates(told.same_trigger(later)) if later.trigger else []
    if same_trigger:
        return same_trigger[0]
    if _is_anaphoric(later, doc) or _is_result_clause(later, doc) or _refers_back(later, doc):
        near = [e for e in candidates(told.anchored_near(later)) if _near(e, later, layout)]
        if _is_result_clause(later, doc):
            near = [e for e in near if layout.sentence(event_anchor(e)) == layout.sentence(event_anchor(later))]
        if near:
            return max(near, key=lambda e: e.evidence.start)
    if headline_end is not None and later.evidence.start >= headline_end:
        headline = [e for e in candidates(told.in_headline.values()) if e.id not in headline_used]
        if headline:
            return headline[0]
    return None


def _refers_back(event: Event, doc: Doc) -> bool:
    """'Two nurses were killed in the attack': an outcome placed in an incident told just before."""
    token = trigger_token(event, doc)
    if token is None or event.event_type not in FORCE:
        return False
    event_nouns, anaphoric = violent_event_nouns(), load_ontology().words("anaphoric_dets")
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
            if noun.lemma_.lower() in event_nouns and determiners & anaphoric:
                return True
    return False


@lru_cache(maxsize=1)
def violent_event_nouns() -> frozenset[str]:
    """Nouns the lexicon codes as violent events ('attack', 'strike', 'shelling', ...)."""
    return frozenset(
        row.key for row in load_ontology().lexicon if row.pos == "NOUN" and row.plover in FORCE and len(row.words) == 1
    )


def _is_result_clause(event: Event, doc: Doc) -> bool:
    """'..., killing at least 12 people': a participle clause telling the outcome of its sentence's act."""
    token = trigger_token(event, doc)
    return (
        token is not None and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj", "ccomp")
        and event.event_type in FORCE and not event.source
    )


def is_real(event: Event) -> bool:
    """Coded as having happened: neither negated nor hypothetical."""
    return not (event.negated or event.hypothetical)


def _compatible(a: Event, b: Event) -> bool:
    if family(a.event_type) != family(b.event_type):
        return False
    return _actors_agree(a.source, b.source) and _actors_agree(a.target, b.target) and places_agree(a, b) and _dates_agree(a, b)


def _actors_agree(a: Sequence[Actor], b: Sequence[Actor]) -> bool:
    """Either side unnamed, or some actor in common: one name within the other ('United Nations' and
    'United Nations Security Council'), or the same country and sector ('Syrian troops', 'Syrian army')."""
    if not a or not b:
        return True
    return any(_same_actor(x, y) for x in a for y in b)


def _same_actor(x: Actor, y: Actor) -> bool:
    if x.country and x.sector and (x.country, x.sector) == (y.country, y.sector):
        return True
    kx, ky = _key(x), _key(y)
    return kx in ky or ky in kx


def _key(actor: Actor) -> str:
    return (actor.canonical or actor.name).lower()


def places_agree(a: Event, b: Event) -> bool:
    """No place, or the same country and town/region (a country- or region-level place needs only the country)."""
    if a.location is None or b.location is None:
        return True
    same_country = a.location.country == b.location.country
    if a.location.geo_precision == 3 or b.location.geo_precision == 3:
        return same_country
    return same_country and (a.location.name == b.location.name or a.location.admin1 == b.location.admin1)


def _dates_agree(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    return a.date <= b_end and b.date <= a_end


def _near(earlier: Event, later: Event, layout) -> bool:
    gap = layout.sentence(event_anchor(later)) - layout.sentence(event_anchor(earlier))
    paragraphs = layout.paragraph(event_anchor(later)) - layout.paragraph(event_anchor(earlier))
    return 0 <= gap <= 2 and paragraphs <= 1


def event_anchor(event: Event) -> int:
    """Where the event is told: its trigger, else its evidence."""
    return (event.trigger or event.evidence).start


def _is_anaphoric(event: Event, doc: Doc) -> bool:
    """'the attack', 'these strikes': a definite event noun that names no one of its own."""
    token = trigger_token(event, doc)
    if token is None or token.pos_ != "NOUN":
        return False
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "predet")}
    own_arguments = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.ent_type_]
    return bool(determiners & load_ontology().words("anaphoric_dets")) and not own_arguments


_ROOTS_KEY = ("strife", "trigger_roots")


def trigger_token(event: Event, doc: Doc) -> Optional[Token]:
    """The root token of the event's trigger (of its evidence when it has none). Found once per
    span and kept on the Doc: linking and grouping ask for each event's many times, and the parse
    no longer changes once there are events."""
    span = event.trigger or event.evidence
    roots = doc.user_data.setdefault(_ROOTS_KEY, {})
    key = (span.start, span.end)
    if key not in roots:
        found = doc.char_span(span.start, span.end, alignment_mode="expand")
        roots[key] = found.root.i if found is not None and len(found) else None
    return None if roots[key] is None else doc_tokens(doc)[roots[key]]


def absorb(survivor: Event, other: Event) -> None:
    """Keep the survivor's coding, fill its gaps from the other mention, and remember every span."""
    for field in FIELDS_TO_FILL:
        if getattr(survivor, field) is None and getattr(other, field) is not None:
            setattr(survivor, field, getattr(other, field))
    if survivor.date_precision == "unknown" and other.date_precision != "unknown":
        survivor.date_precision = other.date_precision
    for role in ("source", "target"):
        setattr(survivor, role, _joined(getattr(survivor, role), getattr(other, role)))
    if survivor.source:
        survivor.unassigned = []  # the incident has a source now: no one is left unplaced
    survivor.mentions = _unique_spans([survivor.evidence, *survivor.mentions, other.evidence, *other.mentions])
    if len(other.evidence.text) > len(survivor.evidence.text) and _informative(other) >= _informative(survivor):
        survivor.evidence = other.evidence
    survivor.confidence = round(min(0.99, max(survivor.confidence, other.confidence) + 0.05), 3)


def remember_mentions(survivor: Event, other: Event) -> None:
    """Keep the other mention's spans (its evidence and mentions) on the survivor, once each and in
    text order, without its coding: "No one claimed responsibility for either attack" tells the
    incidents again but adds nothing to them."""
    survivor.mentions = _unique_spans([*survivor.mentions, other.evidence, *other.mentions])


def _joined(kept: Sequence[Actor], more: Sequence[Actor]) -> list[Actor]:
    """The survivor's actors, then those the other mention adds: a later mention often names the
    partners ('the offensive by the army and its allies'), and they take part in the one incident."""
    joined = list(kept)
    for actor in more:
        if not any(_same_actor(actor, have) for have in joined):
            joined.append(actor)
    return joined


def _informative(event: Event) -> int:
    return sum(bool(x) for x in (event.source, event.target, event.location, event.fatalities, event.date))


def _unique_spans(spans: Sequence[Span]) -> list[Span]:
    seen: dict[tuple[int, int], Span] = {}
    for span in spans:
        seen.setdefault((span.start, span.end), span)
    return sorted(seen.values(), key=lambda s: s.start)
