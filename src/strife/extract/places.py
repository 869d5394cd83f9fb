"""Toponyms in a parsed article -> geocoded `Place` records with evidence offsets.

Why not entity labels alone: the small English model tags "Aleppo" as NORP or LANGUAGE and
"Homs" as ORG, so a place list built from GPE/LOC/FAC misses the places that matter most. We
also try every capitalised proper-noun run against the gazetteer, and keep a match that is not
a GPE/LOC/FAC entity only when it is plausible: a locative cue ("in", "near", "eastern",
"province"), a country or region name, a place in the article's focus countries, or a large
town; and never a stop-listed word ("Monday", "Earnest") without such a cue.

Metonymy: a capital or country that acts ("Washington foment", "Moscow's chief goal",
"Brussels could accept") names a government, not a location. `find_places` leaves such mentions
out by default (they must never become event locations); `include_metonyms=True` keeps them
with confidence at most 0.2. So does a small namesake in a country nothing else in the article
supports ("Sokoura" read in Côte d'Ivoire in an article about Mali).

Where the article writes it, a place's context decides its reading: qualifiers after it
("Kitchanga (Masisi, Nord-Kivu)"), a wider place it is written in ("Ariha in Idlib province"),
the region of a town written with its region ("in Sinop, Mato Grosso, ... Sao Cristovao
neighborhood"). A place people came from ("migrants from Bihar") yields to the sentence's other
places. An article with no usable toponym is placed where its actors say (the country, at
precision 3: "Houthi forces shelled ..." is in Yemen).
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Collection, Optional, Sequence, Union

from spacy.tokens import Doc, Span, Token

from strife.extract import Layout
from strife.model import Place
from strife.resolve.geocode import (
    Candidate,
    Containers,
    Gazetteer,
    RIVAL_DISTANCE_KM,
    GENERIC_KINDS,
    admin_words,
    haversine_km,
    normalise_name,
    of_feature,
    ranking_confidence,
    to_place,
)
from strife.datafiles import read_data_csv as _read_data_csv

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
# Lowercase words allowed inside a name: "Deir ez-Zor", "Ras al Ain", "Bosnia and Herzegovina",
# "Shakhta imeni Gagarina" (Russian "named after").
NAME_JOINERS = frozenset({"al", "el", "ez", "az", "as", "ad", "ar", "an", "ash", "at", "er", "de", "del", "da", "do",
                          "dos", "la", "las", "los", "le", "of", "-", "and", "bin", "ibn", "upon", "on", "sur", "am", "a", "y", "e",
                          "di", "du", "des", "den", "der", "van", "von", "imeni"})
# Joiners of names in other languages, which English text does not use between a name and the next
# capitalised word ("Ain er Roummaneh", "San Juan de los Cerritos"; unlike "Haiti on Saturday").
FOREIGN_JOINERS = frozenset({"al", "el", "ez", "az", "as", "ad", "ar", "an", "ash", "er", "de", "del", "da", "do",
                             "dos", "la", "las", "los", "le", "di", "du", "des", "den", "der", "van", "von",
                             "imeni", "bin", "ibn"})
# Joiners that may open a name: the articles of transliterated Arabic names ("al-Hasakeh", "ad Dali").
NAME_ARTICLES = frozenset({"al", "el", "ez", "az", "as", "ad", "ar", "an", "ash", "at"})
MAX_NAME_TOKENS = 5
# Without a cue or focus country, a bare capitalised word must name a town at least this big.
MIN_POPULATION_WITHOUT_CUE = 100_000
MIN_POPULATION_WITH_CUE = 1_000
METONYM_CONFIDENCE = 0.2
# Punctuation that separates names inside one entity span ("Yerevan (Yerevan, Armenia").
PIECE_BREAKS = frozenset({",", "(", ")", ";", "/", "[", "]"})
# "Kitchanga (Masisi, Nord-Kivu)": at most this many qualifying names, of at most this many tokens.
MAX_QUALIFIERS = 4
MAX_QUALIFIER_TOKENS = 6
# Confidence of a place known only from its qualifiers (the village itself is not in the gazetteer).
QUALIFIER_FALLBACK_CONFIDENCE = 0.6



@functools.lru_cache(maxsize=1)
def part_words() -> dict[str, tuple[str, str]]:
    """word -> (part, kind) from geo_parts.csv."""
    return {row["word"].casefold(): (row["part"], row["kind"]) for row in _read_data_csv("geo_parts.csv")}


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(normalise_name(row["word"]) for row in _read_data_csv("geo_stoplist.csv"))


@functools.lru_cache(maxsize=1)
def metonym_cues() -> dict[str, frozenset[str]]:
    """role -> words, from geo_metonym_cues.csv."""
    roles: dict[str, set[str]] = {}
    for row in _read_data_csv("geo_metonym_cues.csv"):
        roles.setdefault(row["role"], set()).add(row["word"].casefold())
    return {role: frozenset(words) for role, words in roles.items()}


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
    partial: bool = False  # only part of a longer capitalised name ("Al" of "Al Watiyah airbase")
    # Readings of the names that qualify this one ("Masisi, Nord-Kivu" after "Kitchanga"), and
    # whether one of this name's own readings lies inside them.
    qualifiers: list[Candidate] = field(default_factory=list)
    fits_qualifiers: bool = False
    # When the name itself is unknown or fits none of its qualifiers: the qualifying names, most
    # specific first, each with the readings of those after it; the place is then the first that resolves.
    fallback: list[tuple[str, list[Candidate]]] = field(default_factory=list)
    variant: bool = False  # the readings are other transliterations of the name ("Kafr Qaseem" -> Kafr Qasim)

    def name(self, doc: Doc) -> str:
        return doc[self.start : self.name_end].text


# ---------------------------------------------------------------------------------------------
# metonymy


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
    root = _coordination_head(span.root)
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
    return any(c.kind == "country" or c.capital for c in gazetteer.lookup(span.text) if c.primary)


def _coordination_head(token: Token) -> Token:
    """"Moscow" in "Moscow and Beijing's vote" shares the role of the first conjunct."""
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


# ---------------------------------------------------------------------------------------------
# mention finding


def _blocked(doc: Doc) -> list[bool]:
    """Tokens inside multi-token person/org/... entities: never part of a toponym."""
    blocked = [False] * len(doc)
    for ent in doc.ents:
        if (ent.label_ in BLOCKING_LABELS and len(ent) > 1) or ent.label_ in NEVER_PLACE_LABELS:
            for i in range(ent.start, ent.end):
                blocked[i] = True
    return blocked


def _is_wordlike(token: Token) -> bool:
    """Letters, or letters joined by "&" ("J&K") or by the apostrophes transliterations write for
    Arabic consonants ("Dar'a", "Ma'rib", "Sa'dah")."""
    return token.is_alpha or (len(token) > 2 and token.text.replace("&", "").translate(_NO_APOSTROPHES).isalpha()
                              and token.text[0].isalpha() and token.text[-1].isalpha())


_NO_APOSTROPHES = str.maketrans("", "", "'’‘ʼʿʾ`")


def _is_name_token(token: Token) -> bool:
    """A capitalised word that can be (part of) a name; "J&K" counts as a word."""
    return (
        _is_wordlike(token)
        and token.text[0].isupper()
        and (token.pos_ in ("PROPN", "NOUN", "ADJ") or bool(token.ent_type_))
    )


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A token range split at punctuation: the small model tags "Yerevan (Yerevan, Armenia" as one entity."""
    pieces, piece_start = [], start
    for i in range(start, end):
        if doc[i].text in PIECE_BREAKS:
            if piece_start < i:
                pieces.append((piece_start, i))
            piece_start = i + 1
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def _trim_name(doc: Doc, start: int, end: int) -> Optional[tuple[int, int, Optional[str]]]:
    """(start, name_end, kind word's feature): "the" dropped, "Kandahar city" -> "Kandahar" + "city"."""
    while start < end and doc[start].lower_ == "the":
        start += 1
    feature = admin_words().get(doc[end - 1].lower_) if end - start > 1 else None
    name_end = end - 1 if feature else end
    return (start, name_end, feature) if start < name_end else None


def _kind_feature(feature: Optional[str]) -> Optional[str]:
    """The feature a kind word restricts a name to; a generic word ("area", "road") restricts nothing."""
    return None if feature in GENERIC_KINDS else feature


def _entity_mentions(doc: Doc) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        for piece_start, piece_end in _pieces(doc, ent.start, ent.end):
            trimmed = _trim_name(doc, piece_start, piece_end)
            if trimmed is None:
                continue
            start, name_end, feature = trimmed
            mentions.append(
                Mention(start, piece_end, from_entity=True, name_end=name_end, feature=_kind_feature(feature),
                        cue=feature is not None)
            )
    return mentions


def _blocked_entity_mentions(doc: Doc, taken: list[bool], gazetteer: Gazetteer) -> list[Mention]:
    """Person/organisation entities that are, whole, a gazetteer name ("Bnei Brak", "Minas Gerais").

    The small model tags many toponyms it does not know as PERSON or ORG; a name that is a place
    as written counts, but only with a cue (`Mention.weak`), so "Josh Earnest" stays a person.
    """
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in BLOCKING_LABELS or len(ent) < 2:
            continue
        for piece_start, piece_end in _pieces(doc, ent.start, ent.end):
            trimmed = _trim_name(doc, piece_start, piece_end)
            if trimmed is None or any(taken[piece_start:piece_end]):
                continue
            start, name_end, feature = trimmed
            if not _is_name_token(doc[name_end - 1]):
                continue
            candidates = gazetteer.lookup(doc[start:name_end].text)
            if candidates:
                mentions.append(
                    Mention(start, piece_end, from_entity=False, name_end=name_end, feature=_kind_feature(feature),
                            cue=feature is not None, candidates=candidates, weak=True)
                )
                for i in range(piece_start, piece_end):
                    taken[i] = True
    return mentions


def _name_runs(doc: Doc, taken: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (with joiners inside), outside entities already taken."""
    blocked = _blocked(doc)
    runs, i = [], 0
    while i < len(doc):
        if taken[i] or blocked[i] or not _is_name_token(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and not taken[end] and not blocked[end]:
            if _is_name_token(doc[end]):
                end += 1
            elif doc[end].lower_ in NAME_JOINERS and end + 1 < len(doc) and (
                _is_name_token(doc[end + 1]) or doc[end + 1].lower_ in NAME_JOINERS
            ):
                end += 1
            else:
                break
        while end > i + 1 and not _is_name_token(doc[end - 1]):
            end -= 1
        runs.append((i, end))
        i = end
    return runs


def _gazetteer_mentions(doc: Doc, taken: list[bool], gazetteer: Gazetteer) -> list[Mention]:
    """Longest gazetteer matches, left to right, inside each capitalised run.

    A run with no match at all that follows a locative cue ("near Mineralne") is looked up by its
    transliteration skeleton (`Gazetteer.lookup_variants`).
    """
    mentions = []
    for run_start, run_end in _name_runs(doc, taken):
        if not any(gazetteer.lookup(doc[i:j].text) for i in range(run_start, run_end)
                   for j in range(i + 1, min(run_end, i + MAX_NAME_TOKENS) + 1)):
            if _after_locative(doc, run_start) and run_end - run_start <= MAX_NAME_TOKENS and (
                variants := gazetteer.lookup_variants(doc[run_start:run_end].text)
            ):
                mentions.append(Mention(run_start, run_end, from_entity=False, name_end=run_end, cue=True,
                                        candidates=variants, variant=True))
            continue
        i = run_start
        while i < run_end:
            for end in range(min(run_end, i + MAX_NAME_TOKENS), i, -1):
                if not _is_name_token(doc[end - 1]):
                    continue
                if gazetteer.lookup(doc[i:end].text):
                    partial = i > run_start or end < run_end
                    mentions.append(Mention(i, end, from_entity=False, name_end=end, partial=partial))
                    i = end
                    break
            else:
                i += 1
    return mentions


def _after_locative(doc: Doc, start: int) -> bool:
    """Does a locative preposition, a kind word or a part word ("in the", "village of", "southern")
    come just before `start`?"""
    before = start - 1
    while before >= 0 and doc[before].lower_ == "the":
        before -= 1
    return before >= 0 and (
        doc[before].lower_ in LOCATIVE_PREPOSITIONS or doc[before].lower_ in admin_words()
        or doc[before].lower_ in part_words()
    )


def _add_context(doc: Doc, mention: Mention) -> None:
    """Region word after, part or preposition before: what the text says about the name."""
    if not mention.feature and mention.end < len(doc) and (feature := admin_words().get(doc[mention.end].lower_)):
        mention.feature, mention.end, mention.cue = _kind_feature(feature), mention.end + 1, True
    parts = part_words()
    i = mention.start - 1
    while i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return
    word = doc[i].lower_
    if word == "of" and i > 0 and doc[i - 1].lower_ in parts:
        part, kind = parts[doc[i - 1].lower_]
        j = i - 2
        while j >= 0 and doc[j].lower_ == "the":
            j -= 1
        direction = parts.get(doc[j].lower_) if j >= 0 else None
        if kind == "area" and direction and direction[1] == "direction":
            part = direction[0]  # "eastern districts of Mosul"
        mention.part, mention.cue = part or None, True
        return
    if word in parts and parts[word][1] in ("direction", "near"):
        mention.part, mention.cue = parts[word][0], True
        return
    if i > 0 and f"{doc[i - 1].lower_} {word}" in parts:
        mention.part, mention.cue = parts[f"{doc[i - 1].lower_} {word}"][0], True
        return
    if word in LOCATIVE_PREPOSITIONS or doc[i].lower_ in ("city", "town", "village", "province", "region"):
        mention.cue = True


def _link_qualifiers(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Names that qualify the one before them are not places of their own.

    "Sentianivka, Luhansk", "Kitchanga (Masisi, Nord-Kivu)", "Jalalpur, Shamli (UP)": the names
    after a toponym, in brackets or after a comma, say which region and country it is in. The
    toponym keeps their readings (`Mention.qualifiers`) to pick its own; a toponym the gazetteer
    does not know, or whose readings all lie elsewhere, is placed at its most specific qualifier
    (`Mention.fallback`). A comma list of places ("Aleppo, Idlib and Hama") is not a qualification.
    """
    consumed: set[int] = set()
    added: list[Mention] = []
    replaced: set[int] = set()  # ids of mentions a wider unknown name took over
    starts = [m.start for m in mentions]
    for opener in range(1, len(doc)):
        if doc[opener].text not in ("(", ",") or opener in consumed:
            continue
        run = _head_run(doc, opener)
        if run is None:
            continue
        segments, chain_end = _qualifier_segments(doc, opener)
        if not segments:
            continue
        readings = _qualifiers_as_regions(doc, run, segments, _segment_readings(doc, segments, gazetteer))
        if not any(readings):
            continue
        head = _last_mention_in(mentions, starts, run[0], opener, replaced)
        qualifiers = [c for chosen in readings for c in chosen]
        containers = Containers.of(qualifiers)
        bracketed = doc[opener].text == "("
        listing = not bracketed and _continues_a_list(doc, chain_end)
        if head is not None and any(containers.holds(c) for c in head.candidates):
            head.qualifiers, head.fits_qualifiers, head.cue = qualifiers, True, True
        elif listing or not (bracketed or _regional(readings[-1]) or _town_qualifies(head)):
            continue
        elif head is None or head.partial or head.variant or head.start > run[0] or head.name_end < run[1]:
            # "Toda Kalyanpur, Roorkee (Uttarakhand)": the name is not "Toda" in Japan but a village the
            # gazetteer may know by another spelling, inside the qualifiers; else it is placed at them.
            if not _unknown_head_allowed(doc, run, bracketed):
                continue
            if head is not None:
                replaced.add(id(head))
            variants = [c for c in gazetteer.lookup_variants(doc[run[0] : run[1]].text) if containers.holds(c)]
            added.append(
                Mention(run[0], chain_end, from_entity=False, name_end=run[1], cue=True, candidates=variants,
                        variant=True, qualifiers=qualifiers, fits_qualifiers=True)
                if variants else
                Mention(run[0], chain_end, from_entity=False, name_end=run[1], cue=True,
                        fallback=_fallback_chain(doc, segments, readings))
            )
        else:
            # "Viktorivka, Donetsk" with only an Odesa Viktorivka known: the village is in Donetsk. A
            # qualifier in none of the name's countries is more likely misread than the name.
            countries = {c.country for c in head.candidates}
            narrowed = [[c for c in chosen if c.country in countries] for chosen in readings]
            if not any(narrowed):
                if not bracketed or _well_known(head):
                    continue
                # "Salim (Qaatabah, Ad Dali)": brackets say where the village is, whatever its namesakes.
                narrowed = readings
            head.fallback, head.end = _fallback_chain(doc, segments, narrowed), chain_end
        consumed.update(range(opener, chain_end))
    kept = [m for m in mentions if id(m) not in replaced
            and (not (set(range(m.start, m.end)) & consumed) or m.fallback or m.fits_qualifiers)]
    return sorted(kept + added, key=lambda m: m.start)


# Words allowed between a place and the place that contains it: "Dardara in the countryside of Ras Al Ain",
# "Svietlahorsk of the Gomel region", "Karama town in Ar-Raqqa eastern countryside".
CONTAINER_PREPOSITIONS = frozenset({"in", "of"})
MAX_CONTAINER_GAP = 6


def _link_containers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A place written "in" or "of" a wider one is inside it: "Houla in the Marjayoun District".

    Like a qualification in brackets, the wider name picks the reading of the narrower one
    ("Ariha in Idlib province" is the Syrian Ariha, not Jericho); the wider name stays a place
    of its own. A narrower name with no reading inside it (a village the gazetteer lacks, known
    only by a namesake elsewhere) is placed at the wider one (`Mention.fallback`).
    """
    for mention, wider in reversed(list(zip(mentions, mentions[1:]))):  # widest first: "A in B in C"
        if mention.fits_qualifiers or mention.fallback or not _contained_by(doc, mention, wider):
            continue
        readings = _own_readings(wider)
        containers = Containers.of(readings)
        if not containers:
            continue
        if any(containers.holds(c) for c in mention.candidates):
            mention.qualifiers, mention.fits_qualifiers, mention.cue = readings, True, True
        elif not _well_known(mention) and not {c.country for c in mention.candidates} & {c.country for c in readings}:
            # A namesake in another country: the village is the wider place's, which the gazetteer lacks.
            mention.fallback = [(_query(doc, wider), readings)]
    return mentions


def _own_readings(mention: Mention) -> list[Candidate]:
    """The readings a resolved mention allows: those its kind word and qualifiers leave; none for a
    name known only from its qualifiers or by another spelling."""
    if mention.fallback or (mention.variant and not mention.fits_qualifiers):
        return []
    readings = of_feature(mention.candidates, mention.feature)
    if mention.fits_qualifiers:
        within = Containers.of(mention.qualifiers)
        readings = [c for c in readings if within.holds(c)] or readings
    return readings


def _contained_by(doc: Doc, mention: Mention, wider: Mention) -> bool:
    """Is `wider` written as containing `mention`: "in"/"of" then only articles, direction and area words?"""
    gap = doc[mention.end : wider.start]
    if not 0 < len(gap) <= MAX_CONTAINER_GAP or gap[0].lower_ not in CONTAINER_PREPOSITIONS:
        return False
    allowed = CONTAINER_PREPOSITIONS | {"the", "rural"} | set(part_words()) | set(admin_words())
    return all(token.lower_ in allowed for token in gap)


def _well_known(mention: Mention) -> bool:
    """A city, region or country big enough that it cannot be a village's namesake."""
    return any(c.kind in ("country", "admin1") and c.primary
               or c.kind == "city" and c.population >= MIN_POPULATION_WITHOUT_CUE for c in mention.candidates)


def _head_run(doc: Doc, opener: int) -> Optional[tuple[int, int]]:
    """The capitalised name just before a bracket or comma (up to two kind words after it skipped:
    "Naushera sector area (Rajouri district, J&K)"): (start, end)."""
    end = opener
    for _ in range(2):
        if end > 0 and doc[end - 1].lower_ in admin_words():
            end -= 1
    start = end
    while start > 0 and (
        _is_name_token(doc[start - 1])
        or (doc[start - 1].lower_ in NAME_JOINERS and start > 1 and _is_name_token(doc[start - 2]))
    ):
        start -= 1
    while start < end and doc[start].is_lower and doc[start].lower_ in NAME_JOINERS:
        start += 1
    return (start, end) if start < end and end - start <= MAX_QUALIFIER_TOKENS else None


def _qualifier_segments(doc: Doc, opener: int) -> tuple[list[tuple[int, int, int]], int]:
    """Names after the opener, each (start, name_end, end); and where the qualification ends.

    "( A , B )" takes every comma-separated name up to the closing bracket; ", A , B" takes
    capitalised names while commas join them, and a bracket after them ("Jalalpur, Shamli (UP)").
    """
    if doc[opener].text == "(":
        return _bracketed_segments(doc, opener)
    segments: list[tuple[int, int, int]] = []
    i = opener
    while i < len(doc) and doc[i].text == "," and len(segments) < MAX_QUALIFIERS:
        run = _name_run_at(doc, i + 1)
        if run is None:
            break
        segments.append(run)
        i = run[2]
    if segments and i < len(doc) and doc[i].text == "(":
        more, end = _bracketed_segments(doc, i)
        if more:
            return segments + more, end
    return segments, i


def _bracketed_segments(doc: Doc, opener: int) -> tuple[list[tuple[int, int, int]], int]:
    segments: list[tuple[int, int, int]] = []
    start = opener + 1
    for i in range(opener + 1, min(len(doc), opener + 1 + MAX_QUALIFIERS * (MAX_QUALIFIER_TOKENS + 1))):
        if doc[i].text in (",", ")"):
            trimmed = _trim_name(doc, start, i) if start < i else None
            if trimmed is None or i - start > MAX_QUALIFIER_TOKENS or not any(_is_wordlike(t) for t in doc[start:i]):
                return [], opener
            segments.append((trimmed[0], trimmed[1], i))
            start = i + 1
            if doc[i].text == ")":
                return segments, i + 1
        elif doc[i].text in ("(", ".", ";") or doc[i].is_digit:
            break
    return [], opener


def _name_run_at(doc: Doc, start: int) -> Optional[tuple[int, int, int]]:
    """A capitalised name starting at `start`, with a kind word after it: (start, name_end, end).

    A lowercase first word must be an article of a transliterated name ("al-Hasakeh"), not an
    English word that only joins names inside one ("on Monday" is no name)."""
    if start < len(doc) and doc[start].is_lower and doc[start].lower_ not in NAME_ARTICLES:
        return None
    end = start
    while end < len(doc) and end - start < MAX_QUALIFIER_TOKENS and (
        _is_name_token(doc[end])
        or (doc[end].lower_ in NAME_JOINERS and end + 1 < len(doc) and _is_name_token(doc[end + 1]))
    ):
        end += 1
    if end == start:
        return None
    if end - start > 1 and doc[end - 1].lower_ in admin_words():
        return start, end - 1, end  # "Rakhine State", "Rafi LGA"
    name_end = end
    if end < len(doc) and doc[end].lower_ in admin_words():
        end += 1
    return start, name_end, end


def _segment_readings(doc: Doc, segments: Sequence[tuple[int, int, int]], gazetteer: Gazetteer) -> list[list[Candidate]]:
    """Each qualifying name's readings, narrowed to those inside the names after it.

    Read from the last (widest) name back: "Niger" in "(Rafi LGA, Niger)" keeps both the state
    and the country; "Santa Ana (Santa Ana)" keeps every Santa Ana here (`_qualifiers_as_regions` then
    keeps the regions). A stop-listed word ("Central",
    "Sahel") qualifies only as a region or country.
    """
    readings: list[list[Candidate]] = [[] for _ in segments]
    wider: list[Candidate] = []
    for index in range(len(segments) - 1, -1, -1):
        start, name_end, end = segments[index]
        name = doc[start:name_end].text
        kind_word = doc[name_end].lower_ if name_end < end else None
        feature = _kind_feature(admin_words().get(kind_word)) if kind_word else None
        candidates = gazetteer.lookup_kind_named(doc[start:end].text, name, feature)
        if name.isupper() and len(name) <= 4 and not all(c.kind == "admin1" for c in candidates):
            continue  # "(IS)": abbreviations qualify only when they are a region's listed alias ("UP", "J&K")
        if normalise_name(name) in stop_words():
            candidates = [c for c in candidates if c.kind in ("admin1", "country")]
        if feature:
            candidates = of_feature(candidates, feature)  # "Merida state"
        containers = Containers.of(wider)
        if not candidates and containers:
            # "(Budgam district, J&K)": GeoNames writes Badgam; another spelling inside the wider names counts.
            candidates = of_feature([c for c in gazetteer.lookup_variants(name) if containers.holds(c)], feature)
        elif not candidates and index == len(segments) - 1:
            # "(Al Jabl Al Gharbi)": the widest name by another spelling, if a region's.
            candidates = [c for c in gazetteer.lookup_variants(name) if c.kind in ("admin1", "admin2", "country")]
        inside = [c for c in candidates if containers.holds(c)] if containers else []
        readings[index] = inside or candidates
        wider = wider + readings[index]
    return readings


def _qualifiers_as_regions(doc: Doc, run: tuple[int, int], segments: Sequence[tuple[int, int, int]],
                         readings: list[list[Candidate]]) -> list[list[Candidate]]:
    """Qualifiers read as regions where they can be.

    A toponym qualified by its own name ("Santa Ana (Santa Ana)") is in the region of that name:
    the qualifier's town readings (each town would qualify itself) are dropped where it has a
    region. The widest qualifier keeps only the towns inside its own region readings."""
    head = normalise_name(doc[run[0] : run[1]].text)
    kept = []
    for index, ((start, name_end, _), chosen) in enumerate(zip(segments, readings)):
        regional = [c for c in chosen if c.kind != "city"]
        if regional and normalise_name(doc[start:name_end].text) == head:
            chosen = regional
        elif regional and index == len(segments) - 1:
            # The widest name is the region, not a village of that name elsewhere: "Veracruz" in
            # "San Andres de Tuxtla, Veracruz" is the state (and its capital), not a Veracruz in Chiapas.
            inside = Containers.of(regional)
            chosen = [c for c in chosen if c.kind != "city" or inside.holds_region(c)]
        kept.append(chosen)
    return kept


def _last_mention_in(mentions: Sequence[Mention], starts: Sequence[int], start: int, end: int,
                     replaced: set[int]) -> Optional[Mention]:
    """The last known name inside tokens [start, end): the name a qualifier after `end` qualifies.
    `starts` are the mentions' start tokens, in order (a bisection, not a scan of every mention)."""
    index = bisect.bisect_left(starts, end) - 1
    while index >= 0 and starts[index] >= start:
        mention = mentions[index]
        if mention.end <= end and mention.candidates and id(mention) not in replaced:
            return mention
        index -= 1
    return None


def _word_after(doc: Doc, index: int) -> Optional[str]:
    """The lowercased word at `index`, a hyphenated one whole ("sub-clan" is three tokens)."""
    if index >= len(doc):
        return None
    if index + 2 < len(doc) and doc[index + 1].text == "-" and not doc[index].whitespace_ and not doc[index + 1].whitespace_:
        return doc[index : index + 3].text.lower()
    return doc[index].lower_


@functools.lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    return frozenset(word for word, feature in admin_words().items() if feature == "people")


def _town_qualifies(head: Optional[Mention]) -> bool:
    """Does a town after a comma say where the name before it is ("Diliman, Quezon City")? Only
    for a name the gazetteer knows as small places elsewhere, not two well-known towns listed
    ("Aleppo, Homs")."""
    return head is not None and bool(head.candidates) and not _well_known(head)


def _regional(readings: Sequence[Candidate]) -> bool:
    """Can the last qualifying name be a region or country (what a comma qualification names)?"""
    return any(c.kind in ("admin2", "admin1", "country") for c in readings)


def _continues_a_list(doc: Doc, end: int) -> bool:
    """"Aleppo, Idlib and Hama": the names after a comma go on as a list of places."""
    if end < len(doc) and doc[end].text == ",":
        # "Kabul, Ghor, Laghman, and Balkh" goes on; "Donetsk, on Monday" ends the names.
        return end + 1 < len(doc) and (_is_name_token(doc[end + 1]) or doc[end + 1].lower_ in ("and", "or"))
    return end < len(doc) and doc[end].lower_ in ("and", "or", "&")


def _unknown_head_allowed(doc: Doc, run: tuple[int, int], bracketed: bool) -> bool:
    """A name the gazetteer does not know is a place when qualified in brackets, or after a locative cue."""
    if any(t.ent_type_ in NEVER_PLACE_LABELS for t in doc[run[0] : run[1]]):
        return False
    if normalise_name(doc[run[0] : run[1]].text) in stop_words():
        return False
    return bracketed or _after_locative(doc, run[0])


def _fallback_chain(
    doc: Doc, segments: Sequence[tuple[int, int, int]], readings: Sequence[list[Candidate]]
) -> list[tuple[str, list[Candidate]]]:
    """Qualifying names, most specific first, each with the readings of the names after it."""
    chain = []
    for index, (start, _, end) in enumerate(segments):
        if readings[index]:
            wider = [c for later in readings[index + 1 :] for c in later]
            chain.append((doc[start:end].text, wider))  # with its kind word: "Quezon City", "Marib governorate"
    return chain


# ---------------------------------------------------------------------------------------------
# plausibility and focus


def _plausible(mention: Mention, doc: Doc, focus: Sequence[str]) -> bool:
    """Should a gazetteer match count as a toponym?

    Parser-tagged places (GPE/LOC/FAC) count unless stop-listed; other capitalised matches need
    a country or region name, or a town big enough, or a locative cue or focus country and a
    town of at least a village's size. Stop-listed words ("March", "Gulf", "Middle East") are
    never places unless a region word follows ("Gulf province").
    """
    if _is_demonym(mention.name(doc)) and not mention.feature:
        return False  # "Turkish", "Arab": adjectives of a people, whatever town shares a spelling
    if _word_after(doc, mention.name_end) in _people_words():
        return False  # "the Ayr sub-clan": a clan named like a Scottish town
    if mention.variant and normalise_name(mention.name(doc)) in stop_words():
        return False  # "President": no other spelling of a stop-listed word is a place either
    if mention.fallback or mention.fits_qualifiers:
        return True  # the names qualifying it say it is a place, and where
    if mention.variant:
        # Another spelling of a known place counts only where the article already is (but see
        # `_sole_variant_place`).
        return any(c.country in focus for c in mention.candidates)
    candidates = mention.candidates
    if mention.feature:
        candidates = of_feature(candidates, mention.feature)
    if not candidates:
        return False
    in_focus = any(c.country in focus for c in candidates)
    if normalise_name(mention.name(doc)) in stop_words():
        return bool(mention.feature)
    if mention.from_entity and not mention.partial:
        return True
    if mention.weak:
        return mention.cue and max(c.population for c in candidates) >= MIN_POPULATION_WITH_CUE
    if mention.partial:
        # "Saheb" of "Saheb Bazar", "Al" of "Al Watiyah", "Rio" of "Rio Messalo": a word of a longer name
        # the gazetteer does not know is that name's, unless it is a well-known place by its own name
        # ("Mogadishu" of "Mogadishu-Hodan") in a country the article is about, when it has one.
        return any(c.kind == "city" and c.primary and c.population >= MIN_POPULATION_WITHOUT_CUE
                   and (not focus or c.country in focus) for c in candidates)
    if _known_actor(mention.name(doc)):
        return False  # "Taliban" is a village in Turkey, and the movement everywhere else
    if any(c.kind in ("country", "admin1") and c.primary for c in candidates):
        return True
    biggest = max(c.population for c in candidates)
    if in_focus or (mention.cue and not focus):
        if mention.cue and any(c.population == 0 and (c.country in focus or not focus) for c in candidates):
            return True  # a district, or a town GeoNames gives no population, written as a place ("in Hasbaya")
        return biggest >= MIN_POPULATION_WITH_CUE
    # A small place abroad, in an article about somewhere else, is more likely a word used otherwise
    # ("the Ayr sub-clan", "Arab cities"); it needs a town's size even after "in".
    if doc[mention.start].ent_type_ in ("PERSON", "ORG"):
        return False  # a lone word tagged as a person or organisation needs a cue
    # Districts are many and their names common words: a bare one needs a cue or a focus country.
    return max((c.population for c in candidates if c.kind == "city"), default=0) >= MIN_POPULATION_WITHOUT_CUE


ACTOR_FOCUS_WEIGHT = {"group": 0.3, "org": 0.3, "noun": 0.3, "acled": 0.3, "demonym": 0.1}
CUE_FOCUS_WEIGHT = 0.3


@functools.lru_cache(maxsize=4096)
def _is_demonym(name: str) -> bool:
    """Is the name an adjective of a country or people in the actor dictionary ("Turkish", "Arab")?"""
    from strife.resolve.actors import ActorDictionary

    return ActorDictionary.default().demonym(name.casefold()) is not None


@functools.lru_cache(maxsize=4096)
def _known_actor(name: str) -> bool:
    """Is the name an armed group or organisation in the actor dictionary (not a state or capital)?"""
    from strife.resolve.actors import ActorDictionary

    return any(entry.kind in ("group", "org") for entry in ActorDictionary.default().lookup(name))


@functools.lru_cache(maxsize=1)
def focus_cues() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, ISO3) from geo_focus_cues.csv: names that say which country an article is in
    without being a place or a coded actor ("OSCE SMM" monitors in Ukraine)."""
    return [(re.compile(rf"(?<![\w-]){re.escape(row['phrase'])}(?![\w-])"), row["country"])
            for row in _read_data_csv("geo_focus_cues.csv")]


@dataclass(frozen=True)
class FocusVote:
    """One piece of evidence for the article's country: a toponym (`mention` its index) or an actor or cue."""

    country: str
    weight: float
    span: tuple[int, int]  # characters
    mention: Optional[int] = None
    metonym: bool = False


def _actor_votes(doc: Doc) -> list[FocusVote]:
    """Weak evidence of the article's country from the actors it names ("Taliban", "Houthi", "Afghan")
    and from the cues of geo_focus_cues.csv.

    Weaker than any toponym: foreign forces act abroad ("Turkish forces shelled ... Tell Abiad"),
    so actors only decide when the toponyms are ambiguous or absent.
    """
    from strife.resolve.actors import ActorDictionary

    dictionary = ActorDictionary.default()
    actor_ents = [ent for ent in doc.ents if ent.label_ in ("ORG", "NORP", "PERSON")]
    phrases = [(ent.text, (ent.start_char, ent.end_char)) for ent in actor_ents]
    tagged = {i for ent in actor_ents for i in range(ent.start, ent.end)}
    votes = []
    for name, span in phrases:
        code = dictionary.code(name)
        if code is not None and code.country and (weight := ACTOR_FOCUS_WEIGHT.get(code.kind)):
            votes.append(FocusVote(code.country, weight, span))
    votes += _untagged_actor_votes(doc, dictionary, tagged)
    text = doc.text
    for pattern, country in focus_cues():
        votes += [FocusVote(country, CUE_FOCUS_WEIGHT, match.span()) for match in pattern.finditer(text)]
    return votes


def _untagged_actor_votes(doc: Doc, dictionary, tagged: set[int]) -> list[FocusVote]:
    """Votes of the capitalised words the parser did not tag that the actor dictionary knows
    ("Houthi forces", "Malian soldiers"): names of one to three words, and demonyms."""
    votes: list[FocusVote] = []
    skip_to = 0
    for token in doc:
        if token.i < skip_to or token.i in tagged or not token.text[:1].isupper():
            continue
        for end in range(min(len(doc), token.i + 3), token.i, -1):
            span = doc[token.i : end]
            entries = [e for e in dictionary.lookup(span.text) if e.country and e.kind in ACTOR_FOCUS_WEIGHT]
            if entries:
                votes.append(FocusVote(entries[0].country, ACTOR_FOCUS_WEIGHT[entries[0].kind],
                                       (span.start_char, span.end_char)))
                skip_to = end
                break
        else:
            demonym = dictionary.demonym(token.lower_)
            if demonym and demonym[0]:
                votes.append(FocusVote(demonym[0], ACTOR_FOCUS_WEIGHT["demonym"], (token.idx, token.idx + len(token))))
    return votes


def _focus_weight(doc: Doc, mention: Mention, best: Candidate) -> float:
    """How much a mention says the article happens in its country.

    Towns and regions say it fully, also as modifiers ("Papua province", "Aleppo countryside",
    "Baghdad airport"), unless hyphenated ("Damascus-based") or modifying people ("Hausa politicians"). A country said as a location ("in
    Syria") does too, but most country mentions are modifiers ("US officials", "US-backed") or
    actors ("Russia vetoed"), which say little or nothing.
    """
    span = doc[mention.start : mention.name_end]
    if span.end < len(doc) and doc[span.end].text == "-":
        return 0.0
    modifier = span.root.dep_ in ("compound", "amod", "nmod", "npadvmod")
    if best.kind != "country":
        # ... but not as the modifier of people ("Hausa politicians": a people named like a town).
        from strife.resolve.actors import ActorDictionary

        return 0.0 if modifier and ActorDictionary.default().is_actor_noun(span.root.head.text) else 1.0
    if modifier:
        return 0.0
    if _country_as_attribute(doc, mention):
        return 0.0  # "forces of Armenia", "weapons from the US"
    return 1.0 if mention.cue else 0.25


def focus_countries_of(
    doc: Doc, gazetteer: Optional[Gazetteer] = None, mentions: Optional[list[Mention]] = None
) -> list[str]:
    """Countries the article is about (ISO3, strongest first), from unambiguous toponyms and actors.

    A mention counts for a country when its best reading, without any focus, is clearly ahead
    of every reading more than 50 km away, weighted by `_focus_weight`; metonyms ("Washington
    said") count only when nothing else does.
    """
    gazetteer = gazetteer or Gazetteer.default()
    if mentions is not None:
        return _focus_of(_focus_votes(doc, gazetteer, mentions))
    return _focus_of(_mentions_and_votes(doc, gazetteer)[1])


_LAST_READ = threading.local()  # .entry: (weak reference to a Doc, its gazetteer, its mentions, its votes)


def _mentions_and_votes(doc: Doc, gazetteer: Gazetteer) -> tuple[list[Mention], list[FocusVote]]:
    """The doc's candidate mentions and focus votes, kept for the last doc read.

    The places stage asks for the focus (`focus_countries_of`) and then the places of the same
    doc; reading its mentions and votes once halves the stage's time.
    """
    doc_ref, cached_gazetteer, mentions, votes = getattr(_LAST_READ, "entry", (None, None, None, None))
    if doc_ref is None or doc_ref() is not doc or cached_gazetteer is not gazetteer:
        mentions = _candidate_mentions(doc, gazetteer)
        votes = _focus_votes(doc, gazetteer, mentions)
        _LAST_READ.entry = (weakref.ref(doc), gazetteer, mentions, votes)
    return mentions, votes


def _focus_votes(doc: Doc, gazetteer: Gazetteer, mentions: Sequence[Mention]) -> list[FocusVote]:
    """Every toponym's and actor's vote for the article's country (`focus_countries_of`)."""
    votes = []
    for index, mention in enumerate(mentions):
        if mention.variant or not _plausible(mention, doc, ()):
            continue
        ranked = _ranked(doc, mention, gazetteer, ())
        if not ranked or not ranked[0][0].country or ranking_confidence(ranked) < 0.7:
            continue
        best = ranked[0][0]
        span = (doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1]))
        if is_metonym(doc, doc[mention.start : mention.name_end], gazetteer):
            votes.append(FocusVote(best.country, 1.0, span, index, metonym=True))
        else:
            votes.append(FocusVote(best.country, _focus_weight(doc, mention, best), span, index))
    return votes + _actor_votes(doc)


def _focus_of(votes: Sequence[FocusVote]) -> list[str]:
    """The countries the votes support, strongest first (metonyms only when nothing else does)."""
    weights: Counter[str] = Counter()
    fallback: Counter[str] = Counter()
    for vote in votes:
        (fallback if vote.metonym else weights)[vote.country] += vote.weight
    chosen = +weights or fallback
    return [country for country, _ in chosen.most_common()]


class FocusSupport:
    """The article's focus without the votes of one name: what the rest of the article says about
    that name's country (`_focus_of` of the other votes).

    A name never supports itself, however often it is written: "3 Balanda were killed" after "the
    Boor clan of the Balanda" is no evidence that the article is in Russia, where GeoNames has a
    Balanda. `names` gives each mention's name (votes of actors and cues have none).

    Counted once for the article, then adjusted per name: recounting every vote for every mention
    was quadratic, most of the places stage's time on a long text of many reports.
    """

    def __init__(self, votes: Sequence[FocusVote], names: Sequence[str]):
        self.names = names
        self.weights: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}  # by metonym
        self.own: dict[str, dict[bool, Counter[str]]] = {}  # each name's votes
        for vote in votes:
            self.weights[vote.metonym][vote.country] += vote.weight
            if vote.mention is not None:
                own = self.own.setdefault(names[vote.mention], {False: Counter(), True: Counter()})
                own[vote.metonym][vote.country] += vote.weight

    def ranked_without(self, mention: int) -> list[str]:
        """The other names' and the actors' countries, strongest first: the focus a mention is read
        in ("Tripoli" alone would put Libya beside the Lebanon the rest of the article names)."""
        weights = {metonym: counter.copy() for metonym, counter in self.weights.items()}
        for metonym, counter in self.own.get(self.names[mention], {}).items():
            weights[metonym].subtract(counter)
        chosen = _positive(weights[False]) or _positive(weights[True])
        return [country for country, _ in chosen.most_common()]

    def without(self, mention: int) -> frozenset[str]:
        """The countries the others support, in no order."""
        return frozenset(self.ranked_without(mention))


def _positive(weights: Counter[str]) -> Counter[str]:
    """The countries left with weight (a difference of float sums may leave a crumb above zero)."""
    return Counter({country: weight for country, weight in weights.items() if weight > 1e-9})


def _query(doc: Doc, mention: Mention) -> str:
    """The name with its region word, so the gazetteer restricts the kind: "Idlib province"."""
    name = mention.name(doc)
    return f"{name} {doc[mention.name_end].text}" if mention.feature else name


def _candidate_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    taken = [False] * len(doc)
    found = []
    for mention in _entity_mentions(doc):
        _widen_to_known_name(doc, mention, gazetteer)
        mention.partial = _name_goes_on(doc, mention.end)
        mention.candidates = gazetteer.lookup(mention.name(doc))
        if not mention.candidates and _after_locative(doc, mention.start) and (
            len(doc[mention.start : mention.name_end]) <= MAX_NAME_TOKENS
        ) and (variants := gazetteer.lookup_variants(mention.name(doc))):
            mention.candidates, mention.variant = variants, True
        if mention.candidates:  # an entity the gazetteer does not know leaves its words to the runs below
            found.append(mention)
            for i in range(mention.start, mention.end):
                taken[i] = True
    found += _blocked_entity_mentions(doc, taken, gazetteer)
    mentions = found + _gazetteer_mentions(doc, taken, gazetteer)
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        _add_context(doc, mention)
        mention.candidates = mention.candidates or gazetteer.lookup(mention.name(doc))
    return _share_qualifiers(doc, _link_containers(doc, _link_qualifiers(doc, _drop_overlaps(mentions), gazetteer)))


def _share_qualifiers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One name, one place within a paragraph: "an arson attack in Tuzla industrial zone in Tuzla,
    Istanbul" is one Tuzla, the one its qualifier says, not a Tuzla elsewhere for its first mention."""
    layout = Layout(doc)

    def key(mention: Mention) -> tuple[int, str]:
        return layout.paragraph(doc[mention.start].idx), normalise_name(mention.name(doc))

    qualified: dict[tuple[int, str], list[Candidate]] = {}
    for mention in mentions:
        if mention.fits_qualifiers and not mention.variant:
            qualified.setdefault(key(mention), mention.qualifiers)
    for mention in mentions:
        wider = qualified.get(key(mention))
        if wider and not (mention.fits_qualifiers or mention.fallback or mention.variant) and any(
            Containers.of(wider).holds(c) for c in mention.candidates
        ):
            mention.qualifiers, mention.fits_qualifiers = wider, True
    return mentions


def _widen_to_known_name(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> None:
    """An entity that is part of a longer gazetteer name becomes that name.

    The small model often tags only a piece of a multi-word toponym: "Al" of "Al Bab city", "Foz"
    of "Foz do Iguacu". The entity grows over adjacent capitalised words and name joiners that no
    other entity holds, to the longest stretch the gazetteer knows; a kind word after the name
    ("city") is then read as usual (`_add_context`).
    """
    if mention.name_end != mention.end:
        return  # the entity already ends in a kind word ("Kandahar city")
    best: Optional[tuple[int, int]] = None
    for start in range(mention.start, max(-1, mention.start - MAX_NAME_TOKENS), -1):
        if start < mention.start and not _extends_name(doc[start]):
            break
        for end in range(min(len(doc), start + MAX_NAME_TOKENS), mention.end - 1, -1):
            if end <= mention.end and start == mention.start:
                break
            stretch = doc[start:end]
            if (all(_extends_name(t) for t in doc[mention.end:end]) and _is_name_token(doc[end - 1])
                    and _is_name_token(doc[start]) and gazetteer.lookup(stretch.text)):
                if best is None or end - start > best[1] - best[0]:
                    best = (start, end)
                break
    if best is not None:
        mention.start, mention.end, mention.name_end = best[0], best[1], best[1]


def _name_goes_on(doc: Doc, end: int) -> bool:
    """Does a longer name go on after an entity the small model cut short ("Bala" of "Bala Duri I
    area", "Ain" of "Ain er Roummaneh"), with no kind word ("Kandahar City") or break between?"""
    if end >= len(doc) or not doc[end - 1].whitespace_:
        return False
    while end < len(doc) - 1 and doc[end].lower_ in FOREIGN_JOINERS and not doc[end].is_title:
        end += 1  # "de los" in "San Juan de los Cerritos"
    token = doc[end]
    return token.ent_iob_ != "B" and _continues_name(token)


def _continues_name(token: Token) -> bool:
    """A capitalised word that can be part of a place's name: not a kind word ("City"), nor a day,
    month or other stop-listed word ("Haiti Saturday")."""
    return (_is_name_token(token) and token.lower_ not in admin_words()
            and normalise_name(token.text) not in stop_words())


def _extends_name(token: Token) -> bool:
    """Can this word outside an entity continue a name: a capitalised word or a joiner ("do", "al"),
    not inside another entity."""
    return token.ent_iob_ == "O" and (_is_name_token(token) or token.lower_ in NAME_JOINERS)


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """A region word can swallow the next token; keep the earlier mention."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


# ---------------------------------------------------------------------------------------------
# the public entry point


def find_places(
    doc: Doc,
    gazetteer: Optional[Gazetteer] = None,
    focus_countries: Optional[Sequence[str]] = None,
    *,
    include_metonyms: bool = False,
) -> list[Place]:
    """Every toponym in `doc`, geocoded, in text order; metonyms left out unless asked for.

    `focus_countries` (ISO3, most relevant first) steers ambiguous names; computed from the
    document when not given.
    """
    found = explain_places(doc, gazetteer, focus_countries)
    return [t.place for t in found if include_metonyms or not t.not_a_location]


@dataclass
class Toponym:
    """One toponym as the geocoder read it: what `strife geocode --explain` prints.

    `candidates` are the readings it weighed, best first, with their scores (for a name known
    only from its qualifiers, those of the qualifier it was placed at); `not_a_location` is set
    for a government or attribute ("Washington said", "US-backed"), whose confidence is then at
    most 0.2.
    """

    written: str
    place: Place
    candidates: list[tuple[Candidate, float]]
    focus_countries: list[str]
    not_a_location: bool = False
    qualified_by: Optional[str] = None
    landmark: bool = False  # names a street or neighbourhood ("Murree road"), not the town itself


    def to_dict(self, explain: bool = False, limit: int = 10) -> dict:
        """JSON-ready: the place, and with `explain` the readings weighed (at most `limit`)."""
        data = {"written": self.written, "place": self.place.model_dump(mode="json"),
                "not_a_location": self.not_a_location, "qualified_by": self.qualified_by}
        if explain:
            data["focus_countries"] = self.focus_countries
            data["candidates"] = [
                {"name": c.name, "kind": c.kind, "admin1": c.admin1, "country": c.country, "lat": c.lat, "lon": c.lon,
                 "population": c.population, "geonames_id": c.geonames_id, "score": score}
                for c, score in self.candidates[:limit]
            ]
        return data


def geocode_text(
    text: str, nlp=None, gazetteer: Optional[Gazetteer] = None, focus_countries: Optional[Sequence[str]] = None
) -> list[Toponym]:
    """`explain_places` on plain text, parsed with `nlp` (default: strife's spaCy model, without its stages).

    Raises ValueError when the spaCy model is not installed.
    """
    if nlp is None:
        from strife.pipeline import load_pipeline

        nlp = load_pipeline(stages=())
    return explain_places(nlp(text), gazetteer, focus_countries)


def explain_places(
    doc: Doc, gazetteer: Optional[Gazetteer] = None, focus_countries: Optional[Sequence[str]] = None
) -> list[Toponym]:
    """Every toponym in `doc` with the readings weighed for it, in text order (metonyms included)."""
    gazetteer = gazetteer or Gazetteer.default()
    mentions, votes = _mentions_and_votes(doc, gazetteer)
    focus = list(focus_countries) if focus_countries is not None else _focus_of(votes)
    names = [normalise_name(m.name(doc)) for m in mentions]
    all_support = FocusSupport(votes, names)
    read_in = [focus if focus_countries is not None else all_support.ranked_without(i) for i in range(len(mentions))]
    readings = [_ranked(doc, m, gazetteer, read_in[i]) if _plausible(m, doc, focus) else None
                for i, m in enumerate(mentions)]
    anchors = _anchored_regions(mentions, readings)
    toponym_support = FocusSupport([v for v in votes if v.mention is not None], names)
    found = []
    for index, (mention, ranked) in enumerate(zip(mentions, readings)):
        place = _resolve_mention(doc, mention, gazetteer, read_in[index], ranked) if ranked is not None else None
        if place is None:
            continue
        not_a_location = is_metonym(doc, doc[mention.start : mention.name_end], gazetteer) or (
            place.feature == "country" and _country_as_attribute(doc, mention)
        ) or _unsupported_namesake(mention, ranked, all_support.without(index), anchors,
                                   toponym_support.without(index))
        if not_a_location:
            place = place.model_copy(update={"confidence": min(place.confidence, METONYM_CONFIDENCE)})
        qualified_by = mention.fallback[0][0] if mention.fallback else None
        found.append(Toponym(doc[mention.start : mention.end].text, place, ranked, focus, not_a_location, qualified_by,
                             landmark=_names_landmark(doc, mention)))
    _mark_asides(doc, found)
    if not any(not t.not_a_location for t in found) and (fallback := _unplaced_article(doc, mentions, votes, gazetteer)):
        found.append(fallback)
    return found


def _unplaced_article(doc: Doc, mentions: Sequence[Mention], votes: Sequence[FocusVote],
                      gazetteer: Gazetteer) -> Optional[Toponym]:
    """Where an article no toponym places is, as far as it says: another spelling of a place in one
    country (`_sole_variant_place`), else the country of its actors (`_actor_country_place`)."""
    actor_focus = _focus_of([vote for vote in votes if vote.mention is None])
    return _sole_variant_place(doc, mentions, gazetteer, actor_focus) or _actor_country_place(doc, gazetteer, votes)


def _sole_variant_place(doc: Doc, mentions: Sequence[Mention], gazetteer: Gazetteer,
                        actor_focus: Sequence[str]) -> Optional[Toponym]:
    """In an article nothing else places, a name written as a place ("in Shadadah") that is another
    spelling of places in one country only is taken as that place, with a low confidence, unless
    the article's actors say another country."""
    for mention in mentions:
        countries = {c.country for c in mention.candidates}
        name = mention.name(doc)
        if not (mention.variant and mention.cue and len(countries) == 1) or _is_demonym(name):
            continue
        if normalise_name(name) in stop_words() or (actor_focus and countries != {actor_focus[0]}):
            continue
        ranked = gazetteer.explain(_query(doc, mention), variants=True)
        place = _resolve_mention(doc, mention, gazetteer, (), ranked)
        if place is not None:
            place = place.model_copy(update={"confidence": min(place.confidence, VARIANT_ALONE_CONFIDENCE)})
            return Toponym(doc[mention.start : mention.end].text, place, ranked, [])
    return None


VARIANT_ALONE_CONFIDENCE = 0.4


def _anchored_regions(mentions: Sequence[Mention], readings: Sequence[Optional[list]]) -> frozenset[tuple[str, str]]:
    """The regions (country, admin1) of the towns the article writes with their region ("in Sinop,
    Mato Grosso"): where its scenes are, as firmly as a text says it."""
    regions = set()
    for mention, ranked in zip(mentions, readings):
        if ranked and mention.fits_qualifiers and not mention.fallback:
            best = ranked[0][0]
            if best.country and best.admin1:
                regions.add((best.country, normalise_name(best.admin1)))
    return frozenset(regions)


def _unsupported_namesake(
    mention: Mention, ranked: Sequence[tuple[Candidate, float]], others: Collection[str],
    anchors: frozenset[tuple[str, str]] = frozenset(), other_toponyms: Collection[str] = (),
) -> bool:
    """Is the mention read as a small place where nothing else in the article supports it?

    "Sokoura" in an article about Mali is not the Ivorian village of that name, whatever the
    gazetteer lacks: when other toponyms or actors place the article, a village or district
    elsewhere is a namesake of one the gazetteer does not hold, not where the event was. So is a
    neighbourhood read in another region of the country whose town the article writes with its
    region ("in Sinop, Mato Grosso, ... in Vila Mariana neighborhood" is not São Paulo's).
    Countries, regions, well-known towns and names fitting their own qualifiers are exempt; so are
    names the parser tags as places that name one place only, by its own name, unless other
    toponyms place the article elsewhere ("Afrin" says it is in Syria, whoever acts there).
    """
    if not ranked or mention.fits_qualifiers or mention.fallback:
        return False
    best = ranked[0][0]
    if best.kind in ("country", "admin1") or (best.kind == "city" and best.population >= MIN_POPULATION_WITHOUT_CUE):
        return False  # a country, a region or a well-known town is not mistaken for a village
    unique = best.primary and not (mention.variant or mention.partial or _far_readings(ranked))
    if unique and mention.from_entity:
        return bool(other_toponyms) and best.country not in other_toponyms
    if others and best.country not in others:
        return True
    anchored_countries = {country for country, _ in anchors}
    return best.country in anchored_countries and (best.country, normalise_name(best.admin1 or "")) not in anchors


def _far_readings(ranked: Sequence[tuple[Candidate, float]]) -> bool:
    """Does the name also name a place more than `RIVAL_DISTANCE_KM` from its best reading?"""
    best = ranked[0][0]
    return any(haversine_km(best.lat, best.lon, c.lat, c.lon) > RIVAL_DISTANCE_KM for c, _ in ranked[1:])


def _mark_asides(doc: Doc, found: list[Toponym]) -> None:
    """A place written as where people or things came from ("migrants from Bihar clashed ... in
    Satna"), or a street or neighbourhood named after a town ("Sanaa Street ... in Hodeidah",
    "Colonia Santa Anita" in "Guadalajara, Jalisco"), is not where the event was when its
    sentence names another place: its confidence drops below the event linker's bar
    (`ORIGIN_CONFIDENCE`)."""
    asides: list[tuple[Toponym, Span]] = []
    placing_sentences: set[int] = set()  # sentences (by first token) that name a place outright
    for toponym in found:
        if toponym.not_a_location or not toponym.place.span:
            continue
        span = doc.char_span(*toponym.place.span, alignment_mode="expand")
        if span is None:
            continue
        if toponym.landmark or _is_origin(span):
            asides.append((toponym, span))
        else:
            placing_sentences.add(span.sent.start)
    for toponym, span in asides:
        if span.sent.start in placing_sentences:
            confidence = min(toponym.place.confidence, ORIGIN_CONFIDENCE)
            toponym.place = toponym.place.model_copy(update={"confidence": confidence})


ORIGIN_CONFIDENCE = 0.45


def _names_landmark(doc: Doc, mention: Mention) -> bool:
    """Is the name that of a street, road or neighbourhood ("Murree road", "Colonia Los Olivos")?"""
    words = admin_words()
    after = doc[mention.name_end] if mention.name_end < len(doc) else None
    before = doc[mention.start - 1] if mention.start > 0 else None
    return any(token is not None and words.get(token.lower_) == "landmark"
               for token in (after, before, doc[mention.start]))


def _is_origin(span: Optional[Span]) -> bool:
    """Is the place the object of "from" ("reinforcements from Dhamar governorate")?"""
    if span is None or not len(span):
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    while before is not None and before.lower_ == "the" and before.i > 0:
        before = span.doc[before.i - 1]
    return before is not None and before.lower_ == "from"


ACTOR_PLACE_CONFIDENCE = 0.3


def _actor_country_place(doc: Doc, gazetteer: Gazetteer, votes: Sequence[FocusVote]) -> Optional[Toponym]:
    """With no toponym to place it, the article is in the country its actors and cues say (precision 3).

    "Houthi forces fired on ..." is in Yemen, as a coder would record it, rather than nowhere, when
    every actor and cue that names a country names that one; the place's span is the words that
    say so, its confidence low.
    """
    actor_votes = [vote for vote in votes if vote.mention is None]
    focus = _focus_of(actor_votes)
    if len(focus) != 1:
        return None  # none, or actors of several countries ("Syrian and Iraqi forces"): no telling where
    country = gazetteer.country(focus[0])
    if country is None:
        return None
    evidence = max((v for v in actor_votes if v.country == focus[0]), key=lambda v: v.weight)
    place = to_place(country, span=evidence.span, confidence=ACTOR_PLACE_CONFIDENCE).model_copy(
        update={"inferred_from": "actors"})
    return Toponym(doc.text[evidence.span[0] : evidence.span[1]], place, [(country, 0.0)], focus)


def _ranked(doc: Doc, mention: Mention, gazetteer: Gazetteer, focus: Sequence[str]) -> list[tuple[Candidate, float]]:
    """The mention's readings, best first; for a fallback mention, those of its first qualifier that resolves."""
    if not mention.fallback:
        ranked = gazetteer.explain(_query(doc, mention), focus, admin1=mention.admin_hint,
                                   qualifiers=mention.qualifiers, variants=mention.variant)
        if mention.variant:
            within = Containers.of(mention.qualifiers)
            ranked = [(c, score) for c, score in ranked if c.country in focus or within.holds(c)]
        return ranked
    for name, wider in mention.fallback:
        # The widest qualifier names a region (or a town of that very name in it) where it can:
        # "Culianca, Sinaloa" is in the state, not in a village called Sinaloa in Chiapas nor in
        # Sinaloa de Leyva; "X (Marib)" is near Marib.
        ranked = gazetteer.explain(name, focus, qualifiers=wider, variants=True, admin1=None if wider else name)
        if not wider:
            regions = Containers.of([c for c, _ in ranked if c.kind != "city"])
            ranked = [(c, score) for c, score in ranked
                      if c.kind != "city" or (c.primary and regions.holds_region(c))] or ranked
        if ranked and (not wider or Containers.of(wider).holds(ranked[0][0])):
            return ranked
    return []


def _country_as_attribute(doc: Doc, mention: Mention) -> bool:
    """A country that qualifies an actor or a thing, or says where it came from, not where
    something happened: "US drone strike", "US-backed", "forces of Armenia", "weapons from the US"."""
    span = doc[mention.start : mention.name_end]
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") or (span.end < len(doc) and doc[span.end].text == "-"):
        return True
    preposition = root.head if root.dep_ == "pobj" else None
    if preposition is None or preposition.lower_ not in ("of", "from"):
        return False
    if preposition.lower_ == "from":
        return True
    from strife.resolve.actors import ActorDictionary

    return preposition.head is not preposition and ActorDictionary.default().is_actor_noun(preposition.head.text)


def _resolve_mention(
    doc: Doc, mention: Mention, gazetteer: Gazetteer, focus: Sequence[str],
    ranked: Optional[list[tuple[Candidate, float]]] = None,
) -> Optional[Place]:
    ranked = _ranked(doc, mention, gazetteer, focus) if ranked is None else ranked
    if not ranked:
        return None
    confidence = ranking_confidence(ranked) - (0 if mention.from_entity else 0.1)
    part = mention.part
    if mention.fallback:
        # Placed at a qualifier: near that town (precision 2), or somewhere in that region.
        confidence = min(confidence, QUALIFIER_FALLBACK_CONFIDENCE)
        part = part or ("near" if ranked[0][0].kind == "city" else None)
    span = doc[mention.start : mention.end]
    return to_place(
        ranked[0][0],
        span=(span.start_char, span.end_char),
        part=part,
        confidence=round(max(0.1, confidence), 2),
        written=None if mention.fallback else mention.name(doc),
    )
