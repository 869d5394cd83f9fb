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
from strife.resolve.geocode import Candidate, Gazetteer, admin_words, normalise_name, ranking_confidence, to_place
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
                          "dos", "la", "le", "of", "-", "and", "bin", "ibn", "upon", "on", "sur", "am"})
MAX_NAME_TOKENS = 5
# Without a cue or focus country, a bare capitalised word must name a town at least this big.
MIN_POPULATION_WITHOUT_CUE = 100_000
MIN_POPULATION_WITH_CUE = 1_000
METONYM_CONFIDENCE = 0.2



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
    admin_hint: Optional[str] = None  # "Luhansk" in "Sentianivka, Luhansk"
    candidates: list[Candidate] = field(default_factory=list)

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


def _is_name_token(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper() and (token.pos_ in ("PROPN", "NOUN", "ADJ") or token.ent_type_)


def _entity_mentions(doc: Doc) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start = ent.start
        while start < ent.end and doc[start].lower_ == "the":
            start += 1
        name_end = ent.end
        feature = admin_words().get(doc[ent.end - 1].lower_) if ent.end - start > 1 else None
        if feature:
            name_end -= 1  # "Idlib province" tagged as one GPE
        if start < name_end:
            mentions.append(Mention(start, ent.end, from_entity=True, name_end=name_end, feature=feature, cue=bool(feature)))
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
    """Longest gazetteer matches, left to right, inside each capitalised run."""
    mentions = []
    for run_start, run_end in _name_runs(doc, taken):
        i = run_start
        while i < run_end:
            for end in range(min(run_end, i + MAX_NAME_TOKENS), i, -1):
                if not _is_name_token(doc[end - 1]):
                    continue
                if gazetteer.lookup(doc[i:end].text):
                    mentions.append(Mention(i, end, from_entity=False, name_end=end))
                    i = end
                    break
            else:
                i += 1
    return mentions


def _add_context(doc: Doc, mention: Mention) -> None:
    """Region word after, part or preposition before: what the text says about the name."""
    if not mention.feature and mention.end < len(doc) and (feature := admin_words().get(doc[mention.end].lower_)):
        mention.feature, mention.end, mention.cue = feature, mention.end + 1, True
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


def _link_qualifiers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Sentianivka, Luhansk": the second name qualifies the first and is not a place of its own."""
    kept: list[Mention] = []
    skip: set[int] = set()
    for index, mention in enumerate(mentions):
        if index in skip:
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            following is not None
            and following.start == mention.end + 1
            and doc[mention.end].text == ","
            and any(c.kind in ("admin1", "country") for c in following.candidates)
            and _qualifies(mention.candidates, following)
        ):
            mention.admin_hint = following.name(doc)
            mention.cue = True
            skip.add(index + 1)
        kept.append(mention)
    return kept


def _qualifies(candidates: Sequence[Candidate], qualifier: Mention) -> bool:
    regions = {normalise_name(c.name) for c in qualifier.candidates if c.kind == "admin1"}
    countries = {c.country for c in qualifier.candidates if c.kind == "country"}
    return any(
        (c.admin1 and normalise_name(c.admin1) in regions) or c.country in countries
        for c in candidates if c.kind == "city"
    )


# ---------------------------------------------------------------------------------------------
# plausibility and focus


def _plausible(mention: Mention, doc: Doc, focus: Sequence[str]) -> bool:
    """Should a gazetteer match count as a toponym?

    Parser-tagged places (GPE/LOC/FAC) count unless stop-listed; other capitalised matches need
    a country or region name, or a town big enough, or a locative cue or focus country and a
    town of at least a village's size. Stop-listed words ("March", "Gulf", "Middle East") are
    never places unless a region word follows ("Gulf province").
    """
    candidates = mention.candidates
    if mention.feature:
        candidates = [c for c in candidates if c.kind == mention.feature] or candidates
    if not candidates:
        return False
    in_focus = any(c.country in focus for c in candidates)
    if normalise_name(mention.name(doc)) in stop_words():
        return bool(mention.feature)
    if mention.from_entity:
        return True
    if any(c.kind in ("country", "admin1") and c.primary for c in candidates):
        return True
    biggest = max(c.population for c in candidates)
    if mention.cue or in_focus:
        return biggest >= MIN_POPULATION_WITH_CUE
    if doc[mention.start].ent_type_ in ("PERSON", "ORG"):
        return False  # a lone word tagged as a person or organisation needs a cue
    return biggest >= MIN_POPULATION_WITHOUT_CUE


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
        if not _plausible(mention, doc, ()):
            continue
        ranked = gazetteer.explain(_query(doc, mention), admin1=mention.admin_hint)
        if not ranked or not ranked[0][0].country or ranking_confidence(ranked) < 0.7:
            continue
        best = ranked[0][0]
        if is_metonym(doc, doc[mention.start : mention.name_end], gazetteer):
            fallback[best.country] += 1
        else:
            weights[best.country] += _focus_weight(doc, mention, best)
    chosen = +weights or fallback
    return [country for country, _ in chosen.most_common()]


def _query(doc: Doc, mention: Mention) -> str:
    """The name with its region word, so the gazetteer restricts the kind: "Idlib province"."""
    name = mention.name(doc)
    return f"{name} {doc[mention.name_end].text}" if mention.feature else name


def _candidate_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    mentions = _entity_mentions(doc)
    taken = [False] * len(doc)
    for mention in mentions:
        mention.candidates = gazetteer.lookup(mention.name(doc))
        for i in range(mention.start, mention.end):
            taken[i] = True
    mentions = [m for m in mentions if m.candidates] + _gazetteer_mentions(doc, taken, gazetteer)
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        _add_context(doc, mention)
        mention.candidates = mention.candidates or gazetteer.lookup(mention.name(doc))
    return _link_qualifiers(doc, _drop_overlaps(mentions))


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
    gazetteer = gazetteer or Gazetteer.default()
    mentions = _candidate_mentions(doc, gazetteer)
    focus = list(focus_countries) if focus_countries is not None else focus_countries_of(doc, gazetteer, mentions)
    places = []
    for mention in mentions:
        if not _plausible(mention, doc, focus):
            continue
        place = _resolve_mention(doc, mention, gazetteer, focus)
        if place is None:
            continue
        if is_metonym(doc, doc[mention.start : mention.name_end], gazetteer):
            if not include_metonyms:
                continue
            place = place.model_copy(update={"confidence": min(place.confidence, METONYM_CONFIDENCE)})
        places.append(place)
    return places


def _resolve_mention(doc: Doc, mention: Mention, gazetteer: Gazetteer, focus: Sequence[str]) -> Optional[Place]:
    ranked = gazetteer.explain(_query(doc, mention), focus, admin1=mention.admin_hint)
    if not ranked:
        return None
    confidence = ranking_confidence(ranked) - (0 if mention.from_entity else 0.1)
    span = doc[mention.start : mention.end]
    return to_place(
        ranked[0][0],
        span=(span.start_char, span.end_char),
        part=mention.part,
        confidence=round(max(0.1, confidence), 2),
        written=mention.name(doc),
    )
