"""`Event` records from finished frames: coded actors, trigger and evidence spans, codes.

A phrase the actor coder cannot name ('unidentified gunmen') is kept as an unnamed actor with the
sector its head word implies. `confident` is the `--min-confidence` filter.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from spacy.tokens import Doc, Span, Token

from strife.extract import doc_text, line_of
from strife.extract.actors import UNCODED_CONFIDENCE
from strife.extract.events.coding import refine_type
from strife.extract.events.event_codes import acled_pair, calibrated_confidence, cameo_code_of, raw_confidence
from strife.extract.events.frame import Frame
from strife.extract.events.owners import downed_craft, installation_owner
from strife.extract.events.riots import riot_put_down
from strife.extract.events.arguments import argument_phrase
from strife.extract.events.roles import finds_the_dead, reciprocal_sides
from strife.extract.events.speech_roles import document_body
from strife.extract.events.sides import held_side, lexical_side
from strife.extract.events.tables import side_sector
from strife.model import Actor, Event
from strife.model import Span as TextSpan
from strife.ontology import Ontology

ActorsFor = Callable[[Span], list[Actor]]


def _actors(tokens: list[Token], actors_for: Optional[ActorsFor], onto: Optional[Ontology] = None) -> list[Actor]:
    """Code each argument phrase; a phrase the coder cannot name ('an armed man', 'residents',
    'a mob of youths') is kept as an unnamed actor with the sector its head word implies, because
    an analyst filtering by who acted needs 'unidentified gunmen' as much as a named group."""
    actors: list[Actor] = []
    seen: set[tuple[int, int]] = set()
    for token in tokens:
        span = argument_phrase(token)
        found = _downed_craft_owner(token, actors_for, onto) or (actors_for(span) if actors_for is not None else [
            Actor(name=span.text, span=(span.start_char, span.end_char))
        ])
        if not found and onto is not None and actors_for is not None:
            body = document_body(token, onto) or installation_owner(token, onto)
            found = actors_for(body) if body is not None else []
        if not found and onto is not None:
            found = _unnamed_actor(token, span, onto)
        if not found and actors_for is not None:
            found = _named_partner(token, span, actors_for)
        for actor in found:
            key = actor.span or (span.start_char, span.end_char)
            if key not in seen:
                seen.add(key)
                actors.append(actor)
    return actors


def _named_partner(token: Token, span: Span, actors_for: ActorsFor) -> list[Actor]:
    """'clashes between Kolbara and Tiemsou', 'Kolbara and Tiemsou signed a peace deal': a
    capitalised name coordinated with a name the coder reads as an actor is a party of the same
    kind, even where the small NER model missed it. It is kept uncoded, as unknown names are
    (`strife.extract.actors`), so it takes the event's country as its partner does (ACLED's
    "Tiemsou Communal Militia (Mali)")."""
    if token.pos_ != "PROPN" or token.dep_ != "conj" or not token.text[:1].isupper():
        return []
    partner = token.head
    while partner.dep_ == "conj" and partner.head.i != partner.i:
        partner = partner.head
    if not partner.text[:1].isupper() or partner.pos_ not in ("PROPN", "NOUN"):
        return []
    if not actors_for(argument_phrase(partner)):
        return []
    name = span.text.strip()
    return [Actor(name=name, canonical=name, span=(span.start_char, span.end_char), confidence=UNCODED_CONFIDENCE)]


def _downed_craft_owner(token: Token, actors_for: ActorsFor | None, onto: Ontology | None) -> list[Actor]:
    """'shot down two rebel drones': the owner its modifiers name (the rebels), not the aircraft,
    which the coder reads as an air force; nothing when they name no actor."""
    if onto is None or actors_for is None or not downed_craft(token, onto):
        return []
    owner = installation_owner(token, onto)
    return actors_for(owner) if owner is not None else []


def _unnamed_actor(token: Token, span: Span, onto: Ontology) -> list[Actor]:
    side = lexical_side(token, onto)
    lemma = token.lemma_.lower()
    if lemma in onto.words("civilian_places") and lemma not in onto.words("owner_nouns") and token.pos_ == "NOUN":
        if held_side(token, onto) not in (None, "civilian"):
            return []  # 'a village defended by local militia': its defenders, not civilians, meet the attack
        return [Actor(name="civilians", span=(span.start_char, span.end_char), sector=side_sector("civilian"),
                      kind="group", confidence=0.4)]  # ACLED: damage to a market or a hotel is against "Civilians"
    if side is None or token.pos_ not in ("NOUN", "PROPN") or lemma in onto.words("owner_nouns"):
        return []  # an army post is the target's place, not an actor
    end = token.i + 1
    for child in token.rights:  # keep 'of' phrases ('a mob of youths'), drop places and times
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            end = child.right_edge.i + 1
    span = token.doc[span.start: max(end, span.start + 1)]
    return [Actor(name=span.text, span=(span.start_char, span.end_char), sector=side_sector(side),
                  kind="group", confidence=0.5)]


def _evidence(frame: Frame, doc: Doc) -> TextSpan:
    """The smallest stretch of the trigger's sentence (and line) that covers the trigger and
    every argument phrase."""
    token = frame.trigger.token
    sent = token.sent
    indices = set(frame.anchors) | {token.i}
    for arg in frame.sources + frame.targets + frame.victims:
        phrase = argument_phrase(arg)
        indices.update((phrase.start, phrase.end - 1))
    lo = max(min(i for i in indices if i >= sent.start), sent.start)
    hi = min(max(i for i in indices if i < sent.end), sent.end - 1)
    line = line_of(token)
    lo, hi = max(lo, line.start), min(hi, line.end - 1)
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    return TextSpan(start=start, end=end, text=doc_text(doc)[start:end])


def to_event(frame: Frame, doc: Doc, actors_for: Optional[ActorsFor], onto: Ontology) -> Event:
    riot_put_down(frame, onto)
    sources = _actors(frame.sources, actors_for, onto)
    if not sources and frame.inherited is not None:
        sources = _actors(frame.inherited.sources, actors_for, onto)
    targets = _actors(frame.targets, actors_for, onto) or _actors(frame.victims, actors_for, onto)  # 'an attack on a
    # check point' that killed policemen: the place names no one, the victims do
    sources, targets = reciprocal_sides(frame.trigger.token, sources, targets, onto)
    refine_type(frame, sources, targets, onto)
    acled_type, acled_sub = acled_pair(frame, sources, targets, onto)
    cameo = cameo_code_of(frame, onto)
    trig = frame.trigger
    first = doc[trig.first]
    trigger_span = TextSpan(start=first.idx, end=trig.token.idx + len(trig.token.text), text=doc_text(doc)[first.idx: trig.token.idx + len(trig.token.text)])
    return Event(
        id="e0",
        event_type=frame.plover,
        mode=frame.mode,
        context=frame.context,
        quad=onto.quad(frame.plover),
        cameo_root=cameo[:2],
        cameo_code=cameo,
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        source=sources,
        target=targets,
        negated=frame.negated,
        hypothetical=frame.hypothetical,
        trigger=trigger_span,
        evidence=_evidence(frame, doc),
        confidence=calibrated_confidence(raw_confidence(frame), onto),
        unassigned=_unassigned(frame, sources + targets, actors_for, onto) if not sources else [],
    )


def _unassigned(frame: Frame, placed: list[Actor], actors_for: Optional[ActorsFor],
                onto: Optional[Ontology] = None) -> list[Actor]:
    """Actors of the trigger's sentence that hold no role in the event: said, not guessed, so a
    reader sees who may have acted when the parse gave no subject. Who found the body or the
    victim ('police recovered the body of a youth', roles.yaml finder_verbs) did not act in it."""
    if actors_for is None:
        return []
    sent = frame.trigger.token.sent
    taken = [a.span for a in placed if a.span] + [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in sent
        if onto is not None and t.dep_ in ("nsubj", "agent") and finds_the_dead(t.head, onto)]
    found = actors_for(sent)
    return [a for a in found if a.span and not any(a.span[0] < end and start < a.span[1] for start, end in taken)]


def confident(events: Iterable[Event], minimum: Optional[float]) -> list[Event]:
    """Events whose calibrated confidence is at least `minimum` (all of them when None): the
    `--min-confidence` filter of `strife extract` and `strife events`."""
    if minimum is None:
        return list(events)
    return [e for e in events if e.confidence >= minimum]
