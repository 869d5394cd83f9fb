"""What a mention of violence tells besides its act: whether it only points back to an incident.

A wire report tells one incident many times; most mentions after the lead only point back to
it: a definite event noun ("the American attack"), what befell people with no doer ("were
killed"), a crosshead ("Al-Shabab claims attack"), a telegraphic tally ("2 soldiers killed"),
"either attack", "the death toll from the raid", remains found. Others announce a new incident
("another attack", "a second blast"). These readings of one mention are what
`strife.extract.incidents` weighs when it merges mentions into incidents.
"""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc

from strife.extract import Layout, doc_text
from strife.extract.count_words import count_kind_for
from strife.extract.incident_agreement import incident_places_agree
from strife.extract.incident_openers import opens_a_new_incident
from strife.extract.report_words import report_words
from strife.model import Event
from strife.ontology import load_ontology
from strife.ontology.families import VIOLENCE
from strife.resolve.coref import (
    is_real,
    trigger_token,
)

HEADING_CHARS = 100  # a headline or crosshead: one short line


def is_violent(event: Event) -> bool:
    return is_real(event) and event.event_type in VIOLENCE


def in_heading(offset: int, text: str, layout: Layout) -> bool:
    """Whether the offset is in a heading: a short paragraph of one line with no full stop. The
    paragraph comes from the layout (one bisection), never from scanning the text around each event."""
    number = layout.paragraph(offset)
    start = layout.par_starts[number]
    end = layout.par_starts[number + 1] if number + 1 < len(layout.par_starts) else len(text)
    if end - start > 2 * HEADING_CHARS:
        return False
    line = text[start:end].strip()
    return 0 < len(line) <= HEADING_CHARS and "\n" not in line and not line.endswith((".", "!", "?", ":", '"', "\u201d"))


def tells_only_the_outcome(event: Event, doc: Doc) -> bool:
    """'were killed', 'died', 'wounded' with no perpetrator: what befell people, not the act."""
    token = trigger_token(event, doc)
    return token is not None and not event.source and count_kind_for(token) in ("killed", "injured")


def bare_tally(event: Event, doc: Doc) -> bool:
    """'IED targeted an army vehicle; 2 soldiers killed', 'fought in Yuro county; 7 killed': a
    casualty participle with no auxiliary and no agent, its subject a number or counted, tells the
    toll of the act it joins, never that act's coding (the terse notes' telegraphic tally)."""
    token = trigger_token(event, doc)
    if token is None or token.tag_ != "VBN" or count_kind_for(token) not in ("killed", "injured"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.like_num or any(c.dep_ == "nummod" for c in s.children) for s in subjects)


def points_back(event: Event, doc: Doc, layout: Layout) -> bool:
    """A mention that only points back to an incident: a definite event noun ("the American attack"),
    or what befell people ("were killed", "were wounded") with no perpetrator of its own."""
    token = trigger_token(event, doc)
    if token is None:
        return False
    if in_heading(token.idx, doc_text(doc), layout):
        return True  # a crosshead ("Al-Shabab claims attack") names what the paragraphs tell
    if token.pos_ == "NOUN":
        determiners = load_ontology().words("anaphoric_dets")
        return any(c.dep_ == "det" and c.lower_ in determiners for c in token.children)
    return tells_only_the_outcome(event, doc)


def names_the_told_ones(event: Event, doc: Doc) -> bool:
    """'either attack', 'both blasts', 'each bombing': an event noun that names the incidents already
    told together, so it is a mention of them and never an incident of its own."""
    token = trigger_token(event, doc)
    told = report_words().get("told_before", frozenset())
    return token is not None and token.pos_ == "NOUN" and any(
        c.dep_ in ("det", "predet", "preconj") and c.lower_ in told for c in token.children)


def announces_another(event: Event, doc: Doc) -> bool:
    """'another attack', 'a similar night attack', 'a second blast': a new incident, not a mention."""
    token = trigger_token(event, doc)
    if token is None:
        return False
    new = report_words().get("new_incident", frozenset())
    return opens_a_new_incident(token) or any(
        child.lower_ in new and child.dep_ in ("det", "amod", "advmod", "nummod") for child in token.children)


def finds_the_dead(event: Event, doc: Doc) -> bool:
    """'Fifteen bodies had been found', 'rescuers recovered seven more bodies': remains found, the
    victims of an act, not an act of the day they were found."""
    token = trigger_token(event, doc)
    if token is None:
        return False
    words = report_words()
    remains, discovery = words.get("remains", frozenset()), words.get("discovery", frozenset())
    if token.lemma_.lower() in remains:
        return token.head.lemma_.lower() in discovery or any(c.lemma_.lower() in discovery for c in token.children)
    return token.lemma_.lower() in discovery and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in remains for c in token.children)


def place_from_another_clause(event: Event, doc: Doc) -> bool:
    """'3 villagers were killed and 2 wounded; it is not clear whether there were fatalities from
    the Alpha militia': a mention that tells only what befell people, whose place is a word outside
    its own clause (another clause of the sentence), names no scene of its own; what it tells is
    the toll of the act told before, wherever that was."""
    if event.location is None or event.location.span is None or event.location.inferred_from:
        return False
    token = trigger_token(event, doc)
    if token is None or not tells_only_the_outcome(event, doc) or token.pos_ != "VERB":
        return False
    start, end = event.location.span
    first, last = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    sentence = token.sent
    return sentence.start_char <= start < sentence.end_char and not (first <= start and end <= last)


def names_the_toll_of(event: Event, doc: Doc, incidents: Sequence[list[Event]]) -> Optional[list[Event]]:
    """The incident told before whose toll the event's definite noun names ("the death toll from the
    raid", "the toll of the attack"), when the event tells nothing else: the latest typed incident of
    an agreeing place, or None."""
    token = trigger_token(event, doc)
    if token is None or token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ not in ("from", "of"):
        return None
    if token.head.head.lemma_.lower() not in report_words().get("toll", frozenset()):
        return None
    if not any(c.dep_ == "det" and c.lower_ in load_ontology().words("anaphoric_dets") for c in token.children):
        return None
    return next((group for group in reversed(incidents) if is_violent(group[0]) and group[0].acled_event_type
                 and incident_places_agree(group[0], event)), None)
