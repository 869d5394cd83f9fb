"""Names written as places that no reading took: where an article nothing else places still says it is.

A name after a locative cue ("at X", "in Y") that the places stage set aside only because a longer
name or an entity holds it is still the text's own word for where the event was: a district the
parser tagged as an organisation ("in Westmayo"), a town opening a longer name the gazetteer lacks
("at Westpur Bala", "outside the Westpur Kachcheri", "in Westpur Kindi" tagged as a person). In an
article no toponym places, `cued_name_place` takes it, before the country of the actors: the event
is in that unit, or at or near that town (precision 2). A namesake, not the place, when the actors
say another country (a body named after its town is `resolution._organisation_place`'s).
"""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Span

from strife.extract import doc_ents
from strife.extract.places.names import (
    BLOCKING_LABELS,
    MAX_NAME_TOKENS,
    Mention,
    after_locative,
    is_name_token,
    stop_words,
)
from strife.extract.places.plausibility import MIN_POPULATION_WITH_CUE, english_words, is_demonym, known_actor
from strife.model import Place
from strife.resolve.geocode import Candidate, Gazetteer, is_acronym, to_place
from strife.resolve.spellings import normalise_name

# Capitalised words that may open a body's name before the place it is named after ("All Westmarsh
# Students' Union", "The Westmarsh Mahasabha").
NAME_OPENERS = frozenset({"the", "all"})


def begins_name(doc: Doc, start: int) -> bool:
    """Does the capitalised name start at token `start` (not "Plaza" of "Korvan Plaza")?"""
    before = doc[start - 1] if start > 0 else None
    return before is None or not before.is_title or before.lower_ in NAME_OPENERS


def cued_name_place(doc: Doc, mentions: Sequence[Mention], gazetteer: Gazetteer, actor_focus: Sequence[str],
                    confidence: float) -> Optional[tuple[Place, list[Candidate], str]]:
    """The place, its readings and the name as written, of the first name written as a place that the
    gazetteer holds by its own name in one country only (see the module docstring); None when there is
    none, or its country is not the one the actors say."""
    for mention in mentions:
        if not mention.cue or mention.variant or mention.fallback or not (mention.partial or mention.weak):
            continue
        if mention.partial and not begins_name(doc, mention.start):
            continue
        readings = _one_country(mention.candidates, town=mention.partial)
        found = _placed(doc, mention.start, mention.name_end, readings, actor_focus, confidence, mention.partial)
        if found is not None:
            return found
    for ent in doc_ents(doc):
        start = ent.start + (ent[0].lower_ == "the")
        if ent.label_ not in BLOCKING_LABELS or ent.end - start < 2 or not after_locative(doc, start):
            continue
        for end in range(min(ent.end - 1, start + MAX_NAME_TOKENS), start, -1):
            if all(is_name_token(t) for t in doc[start:end]):
                readings = _one_country(gazetteer.lookup(doc[start:end].text), town=True)
                if readings:
                    found = _placed(doc, start, end, readings, actor_focus, confidence, True)
                    if found is not None:
                        return found
                    break
    return None


def _one_country(candidates: Sequence[Candidate], town: bool) -> list[Candidate]:
    """The readings by the place's own name, of a town of at least a village's size (`town`) or else of a
    unit, when they are all in one country; else none."""
    readings = [c for c in candidates if c.primary and c.country and (
        c.kind == "city" and c.population >= MIN_POPULATION_WITH_CUE if town else c.kind in ("admin1", "admin2"))]
    return readings if readings and len({c.country for c in readings}) == 1 else []


def _placed(doc: Doc, start: int, end: int, readings: list[Candidate], actor_focus: Sequence[str],
            confidence: float, town: bool) -> Optional[tuple[Place, list[Candidate], str]]:
    """The place the name from `start` to `end` gives, unless it is a word used otherwise (a stop-listed or
    English word, a people, an acronym, an armed group) or the actors say another country."""
    name = doc[start:end]
    if not readings or _used_otherwise(name) or (actor_focus and readings[0].country != actor_focus[0]):
        return None
    best = max(readings, key=lambda c: (c.kind == "city", c.population))
    rest = doc[end : _name_end(doc, end)].text if town else ""
    place = to_place(best, span=(name.start_char, name.end_char), part=rest or None, confidence=confidence,
                     written=name.text)
    return place, readings, name.text


def _used_otherwise(name: Span) -> bool:
    """Is the name a word that is something other than a place here: stop-listed ("President"), an
    English word with a capital ("University"), a people ("Somali"), an acronym ("II"), an armed group?"""
    text = name.text
    return (normalise_name(text) in stop_words() or is_demonym(text) or is_acronym(text) or known_actor(text)
            or (len(name) == 1 and name[0].is_title and name[0].lower_ in english_words()))


def _name_end(doc: Doc, start: int) -> int:
    """The end of the capitalised name that goes on at token `start` ("Bala" of "Westpur Bala")."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS and is_name_token(doc[end]):
        end += 1
    return end
