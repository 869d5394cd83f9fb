"""Metonymy: a place name that stands for a government or its people, not for a location.

A capital or country that acts ("Washington foment", "Moscow's chief goal", "Brussels could
accept") names a government; a country that qualifies an actor or a thing ("US drone strike",
"forces of Armenia", "weapons from the US") is an attribute. Neither must become an event
location: the places stage keeps such mentions at confidence `METONYM_CONFIDENCE` at most, and
`find_places` leaves them out by default.
"""

from __future__ import annotations

import functools
import re
from typing import Optional, Union

from spacy.tokens import Doc, Span, Token

from strife.datafiles import read_data_csv as _read_data_csv
from strife.extract.places.names import Mention
from strife.resolve.geocode import Gazetteer

METONYM_CONFIDENCE = 0.2


@functools.lru_cache(maxsize=1)
def metonym_cues() -> dict[str, frozenset[str]]:
    """role -> words, from geo_metonym_cues.csv."""
    roles: dict[str, set[str]] = {}
    for row in _read_data_csv("geo_metonym_cues.csv"):
        roles.setdefault(row["role"], set()).add(row["word"].casefold())
    return {role: frozenset(words) for role, words in roles.items()}


def is_metonym(
    doc: Doc, span: Union[Span, tuple[int, int]], gazetteer: Optional[Gazetteer] = None
) -> bool:
    """Does this place name stand for a government or its people acting ("Washington foment")?

    Cues: the subject of a speech/decision verb, the agent of a passive ("tabled by Spain"),
    or the possessor of an act or stance ("Moscow's chief goal", "Moscow and Beijing's vote").
    A possessive of a location noun ("Aleppo's residents") is not a metonym; other possessives
    count only for capitals and countries, which are what stand for governments.
    """
    if isinstance(span, tuple):
        found = doc.char_span(span[0], span[1], alignment_mode="expand")
        if found is None:
            return False
        span = found
    root = coordination_head(span.root)
    cues = metonym_cues()
    if root.dep_ in ("nsubj", "csubj") and root.head.lemma_.casefold() in cues.get("verb", ()):
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    if not _is_possessor(root):
        return False
    possessed = root.head.lemma_.casefold()
    if possessed in cues.get("place_noun", ()) or root.head.text.casefold() in cues.get("place_noun", ()):
        return False
    if possessed in cues.get("noun", ()) or root.head.text.casefold() in cues.get("noun", ()):
        return True
    gazetteer = gazetteer or Gazetteer.default()
    readings = [c for c in gazetteer.lookup(span.text) if c.primary]
    if _names_part_where(root.head) and not any(c.kind == "country" for c in readings):
        return False
    return any(c.kind == "country" or c.capital for c in readings)


# Prepositions that say where: a possessor of the proper name after one is where it lies.
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside"})


def _names_part_where(possessed: Token) -> bool:
    """Is the possessed word a proper name written as where something was ("in Westpur's Eastfield",
    "at Westpur's Old Gate")? A government's act or stance is no place: a town so written names where
    its quarter lies. (A country so written, "in Iran's Sistan-Baluchestan", is left as it was: the
    region after it is the place, written itself.)"""
    return (possessed.pos_ == "PROPN" and possessed.dep_ == "pobj"
            and possessed.head.lower_ in LOCATIVE_PREPOSITIONS)


def coordination_head(token: Token) -> Token:
    """"Moscow" in "Moscow and Beijing's vote" shares the role of the first conjunct (so does
    "Eastbrook" in "fighters from Westvale district and Eastbrook")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _is_possessor(token: Token) -> bool:
    if token.dep_ == "poss":
        return True
    # "Moscow and Beijing's vote": the possessive marker hangs on the last conjunct.
    conjuncts = [token, *token.conjuncts]
    return any(child.dep_ == "case" and child.text in ("'s", "’s", "'", "’") for c in conjuncts for child in c.children) or any(
        c.dep_ == "poss" for c in conjuncts
    )


@functools.lru_cache(maxsize=1)
def border_words() -> frozenset[str]:
    """Nouns of a line between countries ("border", "frontier"; geo_border_words.csv): a country or a
    people's adjective written on one names the other side of it ("the border with X", "the X border")."""
    return frozenset(row["word"].casefold() for row in _read_data_csv("geo_border_words.csv"))


def _after_border_with(doc: Doc, start: int) -> bool:
    """Is the name written just after "<border> with (the)" ("the border with X", "its frontier with the X")?
    Read by the words' order: the parse often hangs "with" on another noun."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "with" and doc[i - 1].lower_ in border_words()


def country_as_attribute(doc: Doc, mention: Mention) -> bool:
    """A country that qualifies an actor or a thing, or says where it came from, not where
    something happened: "US drone strike", "US-backed", "forces of Armenia", "weapons from the US"."""
    span = doc[mention.start : mention.name_end]
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") or (span.end < len(doc) and doc[span.end].text == "-"):
        return True
    if _names_group_branch(doc, mention.start):
        return True
    if _after_border_with(doc, mention.start):
        return True  # "near the border with X": the other side of the line, not where it happened
    preposition = root.head if root.dep_ == "pobj" else None
    if preposition is None or preposition.lower_ not in ("of", "from"):
        return False
    if preposition.lower_ == "from":
        return True
    from strife.resolve.actors import ActorDictionary

    return preposition.head is not preposition and ActorDictionary.default().is_actor_noun(preposition.head.text)


MAX_GROUP_NAME_TOKENS = 4


def _names_group_branch(doc: Doc, start: int) -> bool:
    """Is the country the branch of an armed group or organisation written just before it ("the
    Islamic State in Libya", "Al-Qaeda in Yemen")? Such a name says who acted, as the ACLED actor
    "Islamic State (Libya)" does, not where: the event's place is written elsewhere."""
    preposition = start - 1
    if preposition < 1 or doc[preposition].lower_ != "in":
        return False
    from strife.resolve.actors import ActorDictionary

    dictionary = ActorDictionary.default()
    for size in range(min(MAX_GROUP_NAME_TOKENS, preposition), 0, -1):
        name = doc[preposition - size : preposition]
        if name[0].text[:1].isupper() and any(e.kind in ("group", "org") for e in dictionary.lookup(name.text)):
            return True
    return False


_POSSESSIVE = re.compile(r"^['’]s?\s+((?:[A-Za-z-]+\s*){1,3})")


def is_place_possessive(text: str, end: int) -> bool:
    """Is the name ending at `end` the possessor of a place noun within its next three words
    ("Beirut's southern suburbs", "Kabul's old city")? Then it is where something happened, never
    a government acting, whatever the actor stage read."""
    match = _POSSESSIVE.match(text[end : end + 60])
    nouns = metonym_cues().get("place_noun", frozenset())
    return bool(match) and any(word.casefold() in nouns for word in match.group(1).split())
