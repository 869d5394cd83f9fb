"""Place names in a parsed article: the words they are made of, and `Mention`, a stretch of tokens that may be one.

Which entity labels make or block a toponym, which lowercase words may stand inside a name
("Deir ez-Zor", "San Juan de los Arroyitos"), what a capitalised name token is, and the word
tables that say a name is written as a place ("eastern Aleppo", geo_parts.csv) or is a common
word GeoNames happens to list as a town ("Monday", geo_stoplist.csv). The other modules of the
places stage read the text through these rules.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Token

from strife.datafiles import read_data_csv as _read_data_csv
from strife.datafiles import read_data_sets
from strife.extract import tokens_text
from strife.name_particles import name_particles
from strife.resolve.geocode import GENERIC_KINDS, MAX_KIND_WORDS, Candidate, admin_words
from strife.resolve.spellings import normalise_name, part_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose multi-token entities are never toponyms as a whole ("Josh Earnest", "New York Times");
# a single token with such a label may still be a mis-tagged place ("Homs" as ORG).
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
# Labels that are never places, whatever their length ("March" as DATE).
NEVER_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "near", "at", "into", "from", "outside", "around", "across", "toward", "towards", "to", "through",
     "inside", "within", "throughout", "between", "of", "on", "over", "via", "nearby"}
)
# Lowercase words allowed inside a name ("Deir ez-Zor", "Bosnia and Herzegovina"); those of other
# languages, which may carry a name on past a parser entity ("Ain es Sabbar", unlike "Haiti on
# Saturday"); those that may open one ("al-Qarniyah"). Columns of data/name_particles.csv.
NAME_JOINERS = name_particles("place_joiner")
FOREIGN_JOINERS = name_particles("foreign_joiner")
NAME_ARTICLES = name_particles("place_article")
MAX_NAME_TOKENS = 5
# Punctuation that separates names inside one entity span ("Yerevan (Yerevan, Armenia").
PIECE_BREAKS = frozenset({",", "(", ")", ";", "/", "[", "]"})
# Hyphens and the en dash that join two names into one ("Centre-North", "Westfield–Eastbrook road").
HYPHENS = frozenset("-‐‑–")


def is_direction(word: str) -> bool:
    """Is the lower-cased word a compass word of geo_parts.csv ("north", "south-eastern", "central")?"""
    return part_words().get(word, ("", ""))[1] == "direction"


@functools.lru_cache(maxsize=1)
def locality_words() -> frozenset[str]:
    """Words that make the name before them a part of a town ("Ashfield area", "Parkvale police"):
    geo_locality_words.csv."""
    return frozenset(row["word"].casefold() for row in _read_data_csv("geo_locality_words.csv"))


@functools.lru_cache(maxsize=1)
def village_words() -> frozenset[str]:
    """Words that make the name before them a village ("Westholm village", "Eastfield colline"):
    geo_village_words.csv."""
    return frozenset(row["word"].casefold() for row in _read_data_csv("geo_village_words.csv"))


@functools.lru_cache(maxsize=1)
def name_qualifiers() -> frozenset[str]:
    """Words that open a village's name ("Verkhnia", "Nova", "Kafr", "Upper"): geo_name_qualifiers.csv."""
    return frozenset(row["word"].casefold() for row in _read_data_csv("geo_name_qualifiers.csv"))


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(normalise_name(row["word"]) for row in _read_data_csv("geo_stoplist.csv"))


@dataclass
class Mention:
    """A stretch of tokens that may be a toponym, with the context that decides what it is."""

    start: int  # token indices, end exclusive
    end: int
    from_entity: bool
    feature: Optional[str] = None  # "admin1" when a region word follows
    name_end: int = 0  # end of the name proper, before a region word
    part: Optional[str] = None
    cue: bool = False  # a locative preposition, part phrase or region word supports it
    admin_hint: Optional[str] = None  # a region written next to the name, for callers that set one
    candidates: list[Candidate] = field(default_factory=list)
    weak: bool = False  # found inside a person/organisation entity: needs a cue to count
    partial: bool = False  # only part of a longer capitalised name ("Al" of "Al Harsha airbase")
    route_end: bool = False  # one of the towns a road is named by ("Westfield" of "the Westfield-Eastbrook road")
    # Readings of the names that qualify this one ("Walikale, Nord-Kivu" after "Kibirizi"), and
    # whether one of this name's own readings lies inside them.
    qualifiers: list[Candidate] = field(default_factory=list)
    fits_qualifiers: bool = False
    # When the name itself is unknown or fits none of its qualifiers: the qualifying names, most
    # specific first, each with the readings of those after it; the place is then the first that resolves.
    fallback: list[tuple[str, list[Candidate]]] = field(default_factory=list)
    variant: bool = False  # the readings are other transliterations of the name ("Kafr Qaseem" -> Kafr Qasim)

    def name(self, doc: Doc) -> str:
        return tokens_text(doc, self.start, self.name_end)


def is_wordlike(token: Token) -> bool:
    """Letters, or letters joined by "&" ("J&K") or by the apostrophes transliterations write for
    Arabic consonants ("Dar'a", "Ma'rib", "Sa'dah")."""
    return token.is_alpha or (len(token) > 2 and token.text.replace("&", "").translate(_NO_APOSTROPHES).isalpha()
                              and token.text[0].isalpha() and token.text[-1].isalpha()) or bool(
        WARD_NUMBERED.match(token.text))


# A town's or village council's name with its ward number, as South Asian papers write it
# ("Westpur-5", "Municipality-3"): a word of the name. A capitalised word of four letters at least
# before the hyphen, so no weapon, aircraft or disease ("AK-47", "Mi-8", "COVID-19") reads as one.
WARD_NUMBERED = re.compile(r"[A-Z][a-z]{3,}-\d{1,2}$")


_NO_APOSTROPHES = str.maketrans("", "", "'’‘ʼʿʾ`")


def is_name_token(token: Token) -> bool:
    """A capitalised word that can be (part of) a name; "J&K" counts as a word."""
    return (
        is_wordlike(token)
        and token.text[0].isupper()
        and (token.pos_ in ("PROPN", "NOUN", "ADJ") or bool(token.ent_type_))
    )


def entity_pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A token range split at punctuation: the small model tags "Yerevan (Yerevan, Armenia" as one entity.
    A possessive ending is no part of a piece: the model tags "Westmarsh district's" whole, and the unit
    ends at its kind word ("Westmarsh district's Eastfield area" names the district and a part of it)."""
    pieces, piece_start = [], start
    for i in range(start, end):
        if doc[i].text in PIECE_BREAKS:
            if piece_start < i:
                pieces.append((piece_start, i))
            piece_start = i + 1
    if piece_start < end:
        pieces.append((piece_start, end))
    return [(a, _without_possessive(doc, a, b)) for a, b in pieces]


def _without_possessive(doc: Doc, start: int, end: int) -> int:
    """The end of tokens [start, end) before a possessive ending ("'s"), keeping one token at least."""
    while end - start > 1 and doc[end - 1].lower_ in POSSESSIVE_ENDINGS:
        end -= 1
    return end


POSSESSIVE_ENDINGS = frozenset({"'s", "\u2019s", "'", "\u2019"})


def trim_name(doc: Doc, start: int, end: int) -> Optional[tuple[int, int, Optional[str]]]:
    """(start, name_end, kind word's feature): "the" dropped, "Kandahar city" -> "Kandahar" + "city",
    "Westvale Local Government Area" -> "Westvale" + "local government area" (the longest kind words
    that end the entity: the parser takes a unit written so for an organisation)."""
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end - start > 1 and doc[end - 1].lower_ in POSSESSIVE_ENDINGS:
        end -= 1  # "Westpur's" (tagged an organisation with its "'s"): the town a part of it is named by
    for size in range(min(MAX_KIND_WORDS, end - start - 1), 0, -1):
        if (feature := admin_words().get(doc[end - size : end].text.casefold())) is not None:
            return start, end - size, feature
    return (start, end, None) if start < end else None


def kind_feature(feature: Optional[str]) -> Optional[str]:
    """The feature a kind word restricts a name to; a generic word ("area", "road") restricts nothing."""
    return None if feature in GENERIC_KINDS else feature


def after_locative(doc: Doc, start: int) -> bool:
    """Does a locative preposition, a kind word or a part word ("in the", "village of", "southern")
    come just before `start`?"""
    before = start - 1
    while before >= 0 and doc[before].lower_ == "the":
        before -= 1
    return before >= 0 and (
        doc[before].lower_ in LOCATIVE_PREPOSITIONS or doc[before].lower_ in admin_words()
        or doc[before].lower_ in part_words()
    )


@functools.lru_cache(maxsize=1)
def example_cues() -> dict[str, frozenset[str]]:
    """The sets of geo_example_cues.csv: `marker` words ("such as", "including"), plural `places`
    nouns ("cities", "districts") and `spread` words ("throughout")."""
    return read_data_sets("geo_example_cues.csv", "set", "words")


def _back(doc: Doc, index: int, skip: tuple[str, ...] = ()) -> int:
    """The index at or before `index` past whitespace tokens (a no-break space is one) and the
    lower-case words in `skip`: -1 when none is left."""
    while index >= 0 and (doc[index].is_space or doc[index].lower_ in skip):
        index -= 1
    return index


def _before_name_run(doc: Doc, end: int) -> int:
    """Where the run of name tokens (and the joiners inside it) that ends just before `end` starts."""
    start = end
    while start > 0 and (is_name_token(doc[start - 1]) or (
            start < end and doc[start - 1].lower_ in NAME_JOINERS and start - 1 > 0 and is_name_token(doc[start - 2]))):
        start -= 1
    return start


def named_as_place_example(doc: Doc, start: int) -> bool:
    """Is the name at `start` given as an example of places ("cities of Westland such as <name>",
    "throughout Westland, including <name>", "in several districts, notably <name>")? See
    geo_example_cues.csv. The place written before the marker says the examples are places; a
    person's or a group's examples ("leaders, including <name>") are not."""
    cues = example_cues()
    markers = cues.get("marker", frozenset())
    before = _back(doc, start - 1, ("the",))
    if before < 0:
        return False
    earlier = _back(doc, before - 1)
    if earlier >= 0 and f"{doc[earlier].lower_} {doc[before].lower_}" in markers:
        before = _back(doc, earlier - 1, (",",))
    elif doc[before].lower_ in markers:
        before = _back(doc, before - 1, (",",))
    else:
        return False
    if before < 0:
        return False
    places = cues.get("places", frozenset())
    if doc[before].lower_ in places:
        return True
    if not is_name_token(doc[before]):
        return False
    opener = _back(doc, _before_name_run(doc, before + 1) - 1, ("the",))
    if opener < 0:
        return False
    if doc[opener].lower_ in cues.get("spread", ()):
        return True  # "throughout Westland, including <name>"
    holder = _back(doc, opener - 1)
    return doc[opener].lower_ in ("of", "in") and holder >= 0 and doc[holder].lower_ in places


@functools.lru_cache(maxsize=1)
def target_verbs() -> frozenset[str]:
    """The verbs of geo_target_verbs.csv: attacks and captures whose object is the place struck."""
    return frozenset(row["word"] for row in _read_data_csv("geo_target_verbs.csv"))


def object_of_attack(doc: Doc, start: int, end: int) -> bool:
    """Is the name at `start`..`end` the object of a verb of attack or capture written just before it
    ("militants attacked <town>", "troops retook <town>")? What such a verb strikes or takes, when
    named, is a place far more often than not: a cue as "in" is, which lets a town read where no
    other place or country is said (a group's home is not where it strikes). Not a name that only
    modifies the noun struck ("attacked <name> cattle camp"): a site's name may be any namesake's."""
    before = _back(doc, start - 1, ("the",))
    if before < 0 or doc[before].lower_ not in target_verbs():
        return False
    return end >= len(doc) or not (doc[end].is_lower and doc[end].pos_ in ("NOUN", "PROPN"))


def gazetteer_query(doc: Doc, mention: Mention) -> str:
    """The name with its region word, so the gazetteer restricts the kind: "Idlib province"."""
    name = mention.name(doc)
    return f"{name} {doc[mention.name_end : mention.end].text}" if mention.feature else name


MAX_ABBREVIATED_WORDS = 10


def bracketed_abbreviation(doc: Doc, index: int) -> bool:
    """Is the token at `index` a word in brackets right after a name of two or more capitalised
    words, made of that name's letters from its first initial on ("Westvale Institute of Technology
    (Wit)", "the Hill Farmers Union (HFU)")? Writers put a name's short form there; read by
    spelling, or as a qualifier, it can match a town anywhere."""
    if index < 2 or index + 1 >= len(doc) or doc[index - 1].text != "(" or doc[index + 1].text != ")":
        return False
    words: list[str] = []  # the name's words, joiners included ("of Science and Technology")
    for token in reversed(doc[max(0, index - 1 - MAX_ABBREVIATED_WORDS) : index - 1]):
        if not (token.text[:1].isupper() or (words and token.lower_ in NAME_JOINERS)):
            break
        words.append(token.lower_)
    while words and words[-1] in NAME_JOINERS:
        words.pop()  # the name starts with a capitalised word
    words.reverse()
    short = "".join(ch for ch in doc[index].lower_ if ch.isalpha())
    capitalised = sum(word not in NAME_JOINERS for word in words)
    if capitalised < 2 or not short or short[0] != words[0][0]:
        return False
    letters = iter("".join(words))
    return all(ch in letters for ch in short)
