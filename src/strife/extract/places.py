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
with confidence at most 0.2.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence, Union

from spacy.tokens import Doc, Span, Token

from strife.model import Place
from strife.resolve.geocode import (
    Candidate,
    Containers,
    Gazetteer,
    admin_words,
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
# Lowercase words allowed inside a name: "Deir ez-Zor", "Ras al Ain", "Bosnia and Herzegovina".
NAME_JOINERS = frozenset({"al", "el", "ez", "az", "as", "ad", "ar", "an", "ash", "at", "de", "del", "da", "do",
                          "dos", "la", "le", "of", "-", "and", "bin", "ibn", "upon", "on", "sur", "am", "a", "y", "e",
                          "di", "du", "des", "den", "der", "van", "von"})
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
    """Letters, or letters joined by "&" ("J&K")."""
    return token.is_alpha or (len(token) > 2 and token.text.replace("&", "").isalpha())


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
    """The feature a kind word restricts a name to; a generic word ("area") restricts nothing."""
    return None if feature == "any" else feature


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
    for opener in range(1, len(doc)):
        if doc[opener].text not in ("(", ",") or opener in consumed:
            continue
        run = _head_run(doc, opener)
        if run is None:
            continue
        segments, chain_end = _qualifier_segments(doc, opener)
        if not segments:
            continue
        readings = _segment_readings(doc, segments, gazetteer)
        if not any(readings):
            continue
        head = next((m for m in reversed(mentions) if run[0] <= m.start and m.end <= opener and m.candidates), None)
        qualifiers = [c for chosen in readings for c in chosen]
        containers = Containers.of(qualifiers)
        bracketed = doc[opener].text == "("
        listing = not bracketed and _continues_a_list(doc, chain_end)
        if head is not None and any(containers.holds(c) for c in head.candidates):
            head.qualifiers, head.fits_qualifiers, head.cue = qualifiers, True, True
        elif listing or not (bracketed or _regional(readings[-1])):
            continue
        elif head is None or head.partial or head.variant:
            # "Toda Kalyanpur, Roorkee (Uttarakhand)": the name is not "Toda" in Japan but a village the
            # gazetteer may know by another spelling, inside the qualifiers; else it is placed at them.
            if not _unknown_head_allowed(doc, run, bracketed):
                continue
            if head is not None:
                mentions = [m for m in mentions if m is not head]
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
                continue
            head.fallback, head.end = _fallback_chain(doc, segments, narrowed), chain_end
        consumed.update(range(opener, chain_end))
    kept = [m for m in mentions if not (set(range(m.start, m.end)) & consumed) or m.fallback or m.fits_qualifiers]
    return sorted(kept + added, key=lambda m: m.start)


def _head_run(doc: Doc, opener: int) -> Optional[tuple[int, int]]:
    """The capitalised name just before a bracket or comma (a kind word after it skipped): (start, end)."""
    end = opener
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
    """A capitalised name starting at `start`, with a kind word after it: (start, name_end, end)."""
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
    and the country; "Santa Ana (Santa Ana)" keeps every Santa Ana. A stop-listed word ("Central",
    "Sahel") qualifies only as a region or country.
    """
    readings: list[list[Candidate]] = [[] for _ in segments]
    wider: list[Candidate] = []
    for index in range(len(segments) - 1, -1, -1):
        start, name_end, _ = segments[index]
        name = doc[start:name_end].text
        candidates = gazetteer.lookup(name)
        if name.isupper() and len(name) <= 4 and not all(c.kind == "admin1" for c in candidates):
            continue  # "(IS)": abbreviations qualify only when they are a region's listed alias ("UP", "J&K")
        if normalise_name(name) in stop_words():
            candidates = [c for c in candidates if c.kind in ("admin1", "country")]
        kind_word = doc[name_end].lower_ if name_end < segments[index][2] else None
        feature = _kind_feature(admin_words().get(kind_word)) if kind_word else None
        if feature:
            candidates = of_feature(candidates, feature)  # "Merida state"
        containers = Containers.of(wider)
        if not candidates and containers:
            # "(Budgam district, J&K)": GeoNames writes Badgam; another spelling inside the wider names counts.
            candidates = of_feature([c for c in gazetteer.lookup_variants(name) if containers.holds(c)], feature)
        inside = [c for c in candidates if containers.holds(c)] if containers else []
        readings[index] = inside or candidates
        wider = wider + readings[index]
    return readings


def _regional(readings: Sequence[Candidate]) -> bool:
    """Can the last qualifying name be a region or country (what a comma qualification names)?"""
    return any(c.kind in ("admin2", "admin1", "country") for c in readings)


def _continues_a_list(doc: Doc, end: int) -> bool:
    """"Aleppo, Idlib and Hama": the names after a comma go on as a list of places."""
    return end < len(doc) and doc[end].lower_ in ("and", "or", ",", "&")


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
    for index, (start, name_end, _) in enumerate(segments):
        if readings[index]:
            wider = [c for later in readings[index + 1 :] for c in later]
            chain.append((doc[start:name_end].text, wider))
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
    if mention.fallback or mention.fits_qualifiers:
        return True  # the names qualifying it say it is a place, and where
    if mention.variant:
        # Another spelling of a known place counts only where the article already is.
        return any(c.country in focus for c in mention.candidates)
    candidates = mention.candidates
    if mention.feature:
        candidates = of_feature(candidates, mention.feature)
    if not candidates:
        return False
    in_focus = any(c.country in focus for c in candidates)
    if normalise_name(mention.name(doc)) in stop_words():
        return bool(mention.feature)
    if mention.from_entity:
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
        return biggest >= MIN_POPULATION_WITH_CUE
    # A small place abroad, in an article about somewhere else, is more likely a word used otherwise
    # ("the Ayr sub-clan", "Arab cities"); it needs a town's size even after "in".
    if doc[mention.start].ent_type_ in ("PERSON", "ORG"):
        return False  # a lone word tagged as a person or organisation needs a cue
    # Districts are many and their names common words: a bare one needs a cue or a focus country.
    return max((c.population for c in candidates if c.kind == "city"), default=0) >= MIN_POPULATION_WITHOUT_CUE


ACTOR_FOCUS_WEIGHT = {"group": 0.3, "org": 0.3, "noun": 0.3, "acled": 0.3, "demonym": 0.1}


@functools.lru_cache(maxsize=4096)
def _known_actor(name: str) -> bool:
    """Is the name an armed group or organisation in the actor dictionary (not a state or capital)?"""
    from strife.resolve.actors import ActorDictionary

    return any(entry.kind in ("group", "org") for entry in ActorDictionary.default().lookup(name))


def _actor_countries(doc: Doc) -> Counter[str]:
    """Weak evidence of the article's country from the actors it names ("Taliban", "Houthi", "Afghan").

    Weaker than any toponym: foreign forces act abroad ("Turkish forces shelled ... Tell Abiad"),
    so actors only decide when the toponyms are ambiguous or absent.
    """
    from strife.resolve.actors import ActorDictionary

    dictionary = ActorDictionary.default()
    weights: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "NORP", "PERSON"):
            continue
        code = dictionary.code(ent.text)
        if code is not None and code.country and (weight := ACTOR_FOCUS_WEIGHT.get(code.kind)):
            weights[code.country] += weight
    return weights


def _focus_weight(doc: Doc, mention: Mention, best: Candidate) -> float:
    """How much a mention says the article happens in its country.

    Towns and regions say it fully. A country said as a location ("in Syria") does too, but most
    country mentions are modifiers ("US officials", "US-backed") or actors ("Russia vetoed"),
    which say little or nothing.
    """
    span = doc[mention.start : mention.name_end]
    if span.root.dep_ in ("compound", "amod", "nmod", "npadvmod") or (
        span.end < len(doc) and doc[span.end].text == "-"
    ):
        return 0.0
    if best.kind != "country":
        return 1.0
    if _country_as_attribute(doc, mention):
        return 0.0  # "forces of Armenia", "weapons from the US"
    return 1.0 if mention.cue else 0.25


def focus_countries_of(
    doc: Doc, gazetteer: Optional[Gazetteer] = None, mentions: Optional[list[Mention]] = None
) -> list[str]:
    """Countries the article is about (ISO3, strongest first), from unambiguous toponyms.

    A mention counts for a country when its best reading, without any focus, is clearly ahead
    of every reading more than 50 km away, weighted by `_focus_weight`; metonyms ("Washington
    said") count only when nothing else does.
    """
    gazetteer = gazetteer or Gazetteer.default()
    if mentions is None:
        mentions = _candidate_mentions(doc, gazetteer)
    weights: Counter[str] = Counter()
    fallback: Counter[str] = Counter()
    for mention in mentions:
        if mention.variant or not _plausible(mention, doc, ()):
            continue
        ranked = _ranked(doc, mention, gazetteer, ())
        if not ranked or not ranked[0][0].country or ranking_confidence(ranked) < 0.7:
            continue
        best = ranked[0][0]
        if is_metonym(doc, doc[mention.start : mention.name_end], gazetteer):
            fallback[best.country] += 1
        else:
            weights[best.country] += _focus_weight(doc, mention, best)
    weights.update(_actor_countries(doc))
    chosen = +weights or fallback
    return [country for country, _ in chosen.most_common()]


def _query(doc: Doc, mention: Mention) -> str:
    """The name with its region word, so the gazetteer restricts the kind: "Idlib province"."""
    name = mention.name(doc)
    return f"{name} {doc[mention.name_end].text}" if mention.feature else name


def _candidate_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    taken = [False] * len(doc)
    found = []
    for mention in _entity_mentions(doc):
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
    return _link_qualifiers(doc, _drop_overlaps(mentions), gazetteer)


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
    mentions = _candidate_mentions(doc, gazetteer)
    focus = list(focus_countries) if focus_countries is not None else focus_countries_of(doc, gazetteer, mentions)
    found = []
    for mention in mentions:
        if not _plausible(mention, doc, focus):
            continue
        ranked = _ranked(doc, mention, gazetteer, focus)
        place = _resolve_mention(doc, mention, gazetteer, focus, ranked)
        if place is None:
            continue
        not_a_location = is_metonym(doc, doc[mention.start : mention.name_end], gazetteer) or (
            place.feature == "country" and _country_as_attribute(doc, mention)
        )
        if not_a_location:
            place = place.model_copy(update={"confidence": min(place.confidence, METONYM_CONFIDENCE)})
        qualified_by = mention.fallback[0][0] if mention.fallback else None
        found.append(Toponym(doc[mention.start : mention.end].text, place, ranked, focus, not_a_location, qualified_by))
    return found


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
        ranked = gazetteer.explain(name, focus, qualifiers=wider, variants=bool(wider))
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
