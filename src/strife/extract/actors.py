"""Find every actor mention in a spaCy Doc, code it, and resolve mentions within the article.

A mention grows from a *unit*: a known name found in the text (the dictionary's names, matched
exactly, so a small NER model's misses and mislabels do not matter), a named entity (PERSON,
ORG, GPE, NORP) or a noun that can head an actor phrase ("troops", "rebels", "forces").
A unit that modifies another unit ("Syrian" in "Syrian army", "White House" in "White House
Press Secretary Josh Earnest", the appositive in "Sergei Lavrov, Russia's foreign minister") is
absorbed into it; the rest become mentions spanning their left modifiers (and a trailing
"from/of COUNTRY": "forces from Iran"), coded by `ActorDictionary.code`.

Decisions worth knowing:

- A country or capital is an actor only when it acts or is acted upon; as the object of a
  locative preposition ("in Syria", "from the US") it is a place and is skipped.
- Coordinated modifiers are split: "Russian and Syrian planes" gives two mentions ("Russian
  planes", "Syrian planes") whose spans both end at the shared head. "or" marks them uncertain,
  as do hedge cues around the mention ("likely carried out by ...").
- A bare demonym modifying a non-actor noun ("the Syrian and Russian attacks") is the state
  as agent: coded GOV with low confidence (0.4).
- PERSON/ORG entities the dictionary does not know are kept uncoded (confidence 0.3) so that
  within-article resolution can give them an antecedent's coding, unless the gazetteer found a
  place there (a small NER model often labels "Ar-Raqqa" a PERSON).
- A vague actor ("residents", "unidentified gunmen") gets the country the caller passes as
  ``default_country``; `article_actor_country` picks it: the article's focus country, else the
  country of its places (ACLED codes such actors with the country of the event), else the one its
  ambiguous party names share with the others, else the one country of the peoples it names. A text with no
  toponym is placed where its organisations are named after (`strife.extract.places.resolution`),
  so its crowds take that country from the event's place (`localise_actors`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from strife.extract import Intervals, doc_text, span_ents, span_tokens
from strife.model import Actor, Event, Place
from strife.name_particles import name_particles
from strife.resolve.actors import (
    ActorCode,
    ActorDictionary,
    as_people,
    is_count_word,
    words_of,
)

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
UNCODED_LABELS = frozenset({"PERSON", "ORG"})
# Dependencies by which a unit modifies the noun it belongs to.
ABSORB_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos", "nn"})
LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nn", "npadvmod", "advmod"})
EDGE_NOISE_TAGS = frozenset({"DT", "PDT", "CD", "PRP$", "POS", "CC", "``", "''", "-LRB-", "-RRB-", ",", ":", "HYPH"})
NO_HOME_SECTORS = frozenset({"IGO", "NGO", "MNC"})  # international by nature: no country from the place
UNCODED_CONFIDENCE = 0.3
VAGUE_CONFIDENCE = 0.7  # a noun the dictionary gave the article's country as a guess
STATE_AS_AGENT_CONFIDENCE = 0.4
_PUNCT_EDGE = re.compile(r"^[\s“”\"'‘’«»(),.:;-]+|[\s“”\"'‘’«»(),.:;-]+$")


@dataclass
class _Unit:
    """A stretch of tokens that names or heads an actor, before spans are grown."""

    start: int
    end: int
    source: str  # name | entity label | noun
    root: Token
    absorbed: list["_Unit"] = field(default_factory=list)
    conjunct_of: Optional["_Unit"] = None  # set on coordinated modifiers ("Syrian" in "Russian and Syrian")
    dropped: bool = False


def find_actors(
    doc: Doc,
    dictionary: Optional[ActorDictionary] = None,
    on: Optional[dt.date] = None,
    default_country: Optional[str] = None,
    places: Sequence[Place] = (),
) -> list[Actor]:
    """Every actor mention in ``doc``, coded and resolved within the article, in text order.

    ``places`` are the article's geocoded toponyms: an entity the dictionary does not know that
    lies on one is a place, not an uncoded actor.
    """
    dictionary = dictionary or ActorDictionary.default()
    mentions = _mentions(doc[:], dictionary, on, default_country, place_spans=_place_index(places))
    return resolve_mentions(mentions)


def vague_actor_country(focus_country: Optional[str], places: Sequence[Place] = ()) -> Optional[str]:
    """The country of actors whose phrase names none ("residents", "unidentified gunmen").

    The article's focus country when it has one; else the country most of its geocoded places
    lie in, the first named on a tie: a short report names a town or two, too few to make a
    focus, yet they say where its people are.
    """
    if focus_country:
        return focus_country
    weights: Counter[str] = Counter()
    for place in places:
        if place.country and place.lat is not None:
            weights[place.country] += place.confidence
    return max(weights, key=weights.__getitem__) if weights else None


def article_actor_country(doc: Doc, dictionary: ActorDictionary, on: Optional[dt.date],
                          focus_country: Optional[str], places: Sequence[Place] = ()) -> Optional[str]:
    """The country of the article's actors whose phrase names none: its places' (`vague_actor_country`);
    where no place says it, the one its known names share when one of them is several countries'
    ('PDP thugs attacked APC members': `shared_country`), else the one country of the peoples it
    names ('Murle youths attacked a Dinka cattle camp': `homeland`), as a coder reads such a note."""
    if (country := vague_actor_country(focus_country, places)) is not None:
        return country
    text = doc_text(doc)
    return dictionary.shared_country(text, on) or dictionary.homeland(text)


def named_country(actors: Sequence[Actor]) -> Optional[str]:
    """The one country the article's actors name of themselves ('Raila Odinga', 'KDF soldiers',
    'Muslim Brotherhood supporters'), or None when they name none or several: where no place says
    it, a note on one country's leader, army or party is of that country, as its crowds and
    unnamed victims are ('Protesters (Kenya)'). International bodies say nothing."""
    countries = {a.country for a in actors
                 if a.country and a.kind not in ("implied", "igo") and a.sector not in NO_HOME_SECTORS}
    return countries.pop() if len(countries) == 1 else None


def localise_actors(event: Event, fallback: Optional[str] = None) -> None:
    """Actors the text names with no country ('members of the party', 'Bani Ali tribesmen',
    'Islamic State') take the country of the event's place: ACLED writes a crowd, unnamed
    victims, local groups and branches of transnational ones as "Protesters (Country)",
    "Islamic State (Country)". International bodies (sector IGO) stay without one. An event with
    no place takes `fallback`, the country the article's vague actors get (`vague_actor_country`).
    A vague noun coded with that country as a guess ('Police', 'residents') takes the place's country
    when an act done on the spot (a battle, an attack, a protest: `on_the_spot_types`) is placed in
    another one: the guess was the article's, the place is the event's."""
    country = (event.location.country if event.location is not None else None) or fallback
    if not country:
        return
    guessed = fallback if country != fallback and event.acled_event_type in _on_the_spot_types() else None
    event.source = [_at_home(actor, country, guessed) for actor in event.source]
    event.target = [_at_home(actor, country, guessed) for actor in event.target]


def _unnamed_aid_people(actor: Actor) -> bool:
    """'aid workers', 'humanitarian staff': people of an aid body the text does not name, whom ACLED
    codes as the civilians of the country they are in ("Civilians (Sudan)", their body an associated
    actor); a named body (its dictionary row) stays international."""
    return actor.sector == "NGO" and actor.kind == "noun"


def _on_the_spot_types() -> frozenset[str]:
    from strife.extract.events.tables import coding_set  # the events package imports this module

    return coding_set("on_the_spot_types")


def _at_home(actor: Actor, country: str, guessed: Optional[str] = None) -> Actor:
    """A copy with the place's country (mentions are shared between events of several places)."""
    if actor.sector in NO_HOME_SECTORS and not _unnamed_aid_people(actor) or actor.kind == "igo":
        return actor
    if actor.country is not None and not (guessed and actor.country == guessed and actor.kind == "noun"
                                          and actor.confidence <= VAGUE_CONFIDENCE):
        return actor
    return actor.model_copy(update={"country": country})


def _place_index(places: Sequence[Place]) -> Intervals[tuple[int, int]]:
    return Intervals((p.span for p in places if p.span is not None), lambda span: span)


def actor_for_span(
    span: Span,
    dictionary: Optional[ActorDictionary] = None,
    mentions: Sequence[Actor] = (),
    on: Optional[dt.date] = None,
    default_country: Optional[str] = None,
    places: Sequence[Place] = (),
) -> list[Actor]:
    """The actor(s) a phrase denotes: the event stage passes a subject/object/agent subtree.

    Mentions already found inside the span are reused (they carry resolution); otherwise the
    span is read like an article, and failing that its text is coded whole, coordination split.
    For many phrases of one article, `span_coder` indexes the mentions and places once.
    """
    return span_coder(dictionary, mentions, on, default_country, places)(span)


def span_coder(
    dictionary: Optional[ActorDictionary] = None,
    mentions: Sequence[Actor] = (),
    on: Optional[dt.date] = None,
    default_country: Optional[str] = None,
    places: Sequence[Place] = (),
) -> Callable[[Span], list[Actor]]:
    """`actor_for_span` for the phrases of one article, with its mentions and places indexed by
    offset once: scanning them all for every phrase made coding quadratic in article length."""
    dictionary = dictionary or ActorDictionary.default()
    known = Intervals([m for m in mentions if m.span is not None], lambda m: m.span)
    place_spans = _place_index(places)

    def code(span: Span) -> list[Actor]:
        start, end = span.start_char, span.end_char
        inside = known.within(start, end)
        if inside:
            return inside
        found = _mentions(span, dictionary, on, default_country, keep_places=True, place_spans=place_spans)
        if found:
            return found
        hedged = bool(re.search(r"\b(?:or|and/or)\b", span.text)) or _hedged(span.root, span.start, dictionary)
        return [
            _actor(span.text, start, end, coding, hedged)
            for coding in dictionary.code_all(span.text, on, default_country)
            if not (_only_after_a_town(coding, span, dictionary) or _only_naming_money(coding, span, dictionary))
        ]

    return code


def resolve_mentions(actors: Sequence[Actor]) -> list[Actor]:
    """Give short or uncoded proper-name mentions the coding of an earlier, fuller mention.

    "Lavrov" after "Russian Foreign Minister Sergei Lavrov", "Mogherini" after "Federica
    Mogherini", "the Times" after "the Times of London": a mention whose capitalised words
    appear, in order, inside an earlier mention's proper-name canonical takes that canonical
    and coding (the most recent such antecedent wins, so "the Times" follows whichever paper
    was named last). Only mentions that are uncoded or a single name word are rewritten, so a
    coded "Russia" is never swallowed by a longer name.
    """
    resolved: list[Actor] = []
    for actor in actors:
        key = _name_words(actor.name)
        needs_antecedent = actor.confidence <= UNCODED_CONFIDENCE or len(key) == 1
        antecedent = _antecedent(key, actor, resolved) if key and needs_antecedent else None
        if antecedent is not None:
            actor = actor.model_copy(
                update={
                    "canonical": antecedent.canonical,
                    "country": antecedent.country,
                    "sector": antecedent.sector,
                    "confidence": min(antecedent.confidence, 0.9),
                }
            )
        resolved.append(actor)
    return resolved


# ---------------------------------------------------------------------- resolution helpers
_NAME_PARTICLES = name_particles("actor_particle")  # lowercase words a proper actor name may hold


def _name_words(text: str) -> list[str]:
    words = [w for w in words_of(text) if w.lower() != "the"]
    return words if words and all(w[0].isupper() for w in words) else []


def _is_proper(canonical: str) -> bool:
    words = words_of(canonical)
    return bool(words) and all(w[0].isupper() or w.lower() in _NAME_PARTICLES or "-" in w for w in words)


def _antecedent(key: list[str], actor: Actor, earlier: Sequence[Actor]) -> Optional[Actor]:
    for previous in reversed(earlier):
        if not previous.canonical or previous.confidence <= UNCODED_CONFIDENCE:
            continue
        if not _is_proper(previous.canonical):
            continue
        full = [w for w in words_of(previous.canonical) if w.lower() != "the"]
        if len(full) <= len(key) and actor.canonical == previous.canonical:
            return None
        if len(full) > len(key) and _contains(full, key):
            if actor.country in (None, previous.country) or actor.confidence <= UNCODED_CONFIDENCE:
                return previous
    return None


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return any(list(words[i : i + n]) == list(part) for i in range(len(words) - n + 1))


# ---------------------------------------------------------------------- mention finding
def _mentions(
    region: Span,
    dictionary: ActorDictionary,
    on: Optional[dt.date],
    default_country: Optional[str],
    keep_places: bool = False,
    place_spans: Optional[Intervals[tuple[int, int]]] = None,
) -> list[Actor]:
    units = _units(region, dictionary, place_spans)
    by_token = {i: unit for unit in units for i in range(unit.start, unit.end)}
    for unit in units:
        _absorb(unit, by_token)
    actors: list[Actor] = []
    absorbed = {id(child) for other in units for child in other.absorbed if child is not other}
    for unit in units:
        if unit.dropped or id(unit) in absorbed:  # by identity: units never overlap, and == compares Tokens
            continue
        actors.extend(_code_unit(unit, region, by_token, dictionary, on, default_country, keep_places))
    actors = _drop_nested(actors)
    actors.sort(key=lambda a: a.span or (0, 0))
    return actors


def _drop_nested(actors: list[Actor]) -> list[Actor]:
    """A stray unit inside a larger mention ('State' in 'Secretary of State John Kerry') goes;
    coordination splits, which share their head and end, stay.

    Nested means some other mention starts at or before it and ends after it: with the spans in
    order of start, the furthest end among those starting by its start tells (no pairwise scan).
    """
    spans = sorted(actor.span for actor in actors if actor.span is not None)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))
    kept = []
    for actor in actors:
        s, e = actor.span or (0, 0)
        before = bisect.bisect_right(starts, s)  # the spans starting at or before s
        if not (before and reach[before - 1] > e):
            kept.append(actor)
    return kept


def _units(region: Span, dictionary: ActorDictionary,
           place_spans: Optional[Intervals[tuple[int, int]]] = None) -> list[_Unit]:
    doc = region.doc
    units: list[_Unit] = []
    taken: set[int] = set()
    offset = region.start_char
    for match in dictionary.name_regex().finditer(doc_text(doc)[offset : region.end_char]):  # region.text, not re-joined
        span = doc.char_span(offset + match.start(), offset + match.end(), alignment_mode="strict")
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        units.append(_Unit(span.start, span.end, "name", span.root))
        taken.update(range(span.start, span.end))
    for ent in span_ents(region):
        if ent.label_ not in ENTITY_LABELS:
            continue
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        if ent.label_ in UNCODED_LABELS and _on_a_place(ent, place_spans) and not dictionary.code(ent.text):
            continue
        units.append(_Unit(ent.start, ent.end, ent.label_, ent.root))
        taken.update(range(ent.start, ent.end))
    for token in span_tokens(region):
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if dictionary.is_actor_noun(token.text):
            units.append(_Unit(token.i, token.i + 1, "noun", token))
    units.sort(key=lambda u: u.start)
    return units


def _on_a_place(ent: Span, place_spans: Optional[Intervals[tuple[int, int]]]) -> bool:
    """The entity is mostly a toponym the gazetteer found ("Ar-Raqqa", not "Tripoli Brigade")."""
    size = ent.end_char - ent.start_char
    near = place_spans.overlapping(ent.start_char, ent.end_char) if place_spans is not None else []
    return any(min(end, ent.end_char) - max(start, ent.start_char) >= 0.6 * size for start, end in near)


def _absorb(unit: _Unit, by_token: dict[int, _Unit]) -> None:
    """Attach a unit to the unit it modifies, walking up modifier links through plain tokens."""
    token = unit.root
    if token.dep_ == "conj":
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ not in ABSORB_DEPS - {"appos"}:
            return  # coordination of whole actors: each stands alone
        owner = by_token.get(first.i)
        if owner is not None and owner is not unit:
            unit.conjunct_of = owner
        token = first
    for _ in range(6):
        if token.dep_ not in ABSORB_DEPS or token.head.i == token.i:
            return
        if token.dep_ == "appos" and unit.source != "noun":
            return  # "Aleppo, Russia, ...": a named appositive is an actor of its own
        sibling = _adjacent_sibling(unit, token, by_token)
        if sibling is not None:
            sibling.absorbed.append(unit)
            return
        token = token.head
        owner = by_token.get(token.i)
        if owner is not None and owner is not unit:
            owner.absorbed.append(unit)
            return


def _adjacent_sibling(unit: _Unit, token: Token, by_token: dict[int, _Unit]) -> Optional[_Unit]:
    """'Syrian army positions' parsed as (Syrian)(army) -> positions: 'Syrian' belongs with 'army'."""
    doc = token.doc
    if unit.end >= len(doc) or token.head.i <= unit.end:
        return None
    neighbour = by_token.get(unit.end)
    if neighbour is None or neighbour is unit or neighbour.source != "noun":
        return None
    if neighbour.root.head.i == token.head.i and neighbour.root.dep_ in ("compound", "nmod"):
        return neighbour
    return None


def _all_absorbed(unit: _Unit) -> list[_Unit]:
    found: list[_Unit] = []
    for child in unit.absorbed:
        found.append(child)
        found.extend(_all_absorbed(child))
    return found


def _extent(unit: _Unit, region: Span, by_token: dict[int, _Unit], dictionary: ActorDictionary) -> tuple[int, int]:
    """Token range of the mention: the unit, its left modifiers, absorbed appositives and a
    trailing 'of/from COUNTRY' phrase on a noun head."""
    start, end = unit.start, unit.end
    root = unit.root
    for child in root.lefts:
        if child.dep_ in LEFT_DEPS and child.i < start:
            start = min(start, child.left_edge.i)
    for child in _all_absorbed(unit):
        start = min(start, child.start)
        if child.root.dep_ == "appos" or child.start > root.i:
            end = max(end, child.root.right_edge.i + 1, child.end)
    if unit.source == "noun":
        for prep in root.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                place = by_token.get(objects[0].i) if objects else None
                if place is not None and (code := dictionary.code(region.doc[place.start : place.end].text)):
                    if code.kind in ("country", "capital"):
                        end = max(end, place.end)
                        place.dropped = True
    start, end = max(start, region.start), min(end, region.end)
    doc = region.doc
    for i in range(start, unit.start):  # never reach back over a line break or a comma
        if doc[i].is_space or "\n" in doc[i].whitespace_ or doc[i].text == ",":
            start = i + 1
    while start < end - 1 and (doc[start].tag_ in EDGE_NOISE_TAGS or doc[start].is_punct or doc[start].lower_ in _DROP_WORDS):
        start += 1
    while end - 1 > start and (doc[end - 1].tag_ in EDGE_NOISE_TAGS or doc[end - 1].is_punct):
        end -= 1
    return start, end


_DROP_WORDS = frozenset({"all", "some", "those", "these", "both", "other", "such", "many", "several", "so", "-", "called"})


def _code_unit(
    unit: _Unit,
    region: Span,
    by_token: dict[int, _Unit],
    dictionary: ActorDictionary,
    on: Optional[dt.date],
    default_country: Optional[str],
    keep_places: bool,
) -> list[Actor]:
    doc = region.doc
    start, end = _extent(unit, region, by_token, dictionary)
    conjuncts = [u for u in _all_absorbed(unit) if u.conjunct_of is not None]
    if conjuncts:
        return _split_coordination(unit, conjuncts, start, end, doc, dictionary, on, default_country)
    if _names_an_ally(unit.root, dictionary):
        return []  # 'Islah-affiliated fighters': the fighters act, their ally does not
    span = doc[start:end]
    code = dictionary.code(span.text, on, default_country)
    hedged = _hedged(unit.root, start, dictionary) or _or_coordinated(unit.root)
    if code is None:
        if unit.source in UNCODED_LABELS:
            name = _clean(doc[unit.start : unit.end].text)
            if name:
                return [Actor(name=name, canonical=name, span=(doc[unit.start].idx, doc[unit.end - 1].idx + len(doc[unit.end - 1])),
                              country=_nationality_word_country(name, dictionary), uncertain=hedged,
                              confidence=UNCODED_CONFIDENCE)]
        return []
    if code.kind in ("country", "capital", "demonym") and _names_a_currency(unit.root, dictionary):
        return []  # 'the US dollar exchange rate', 'the Lebanese pound': the money, not the state
    if code.kind in ("country", "capital") and (not keep_places or _after_a_town(unit.root, dictionary)) and is_location(
            unit.root, dictionary):
        return []  # an argument keeps its country ('shelled Syria'), not the one after its town ('a market in Khulna, Bangladesh')
    if code.kind == "demonym":
        if not code.country:
            return []
        if _counted(unit.root):
            code = as_people(code)  # "two Palestinians were injured"
        elif _role_token(unit.root).dep_ in ("amod", "compound", "nmod"):
            code = ActorCode(code.canonical, code.country, "GOV", STATE_AS_AGENT_CONFIDENCE, "demonym")
        else:
            return []
    return [_actor(span.text, span.start_char, span.end_char, code, hedged)]


def _nationality_word_country(name: str, dictionary: ActorDictionary) -> Optional[str]:
    """The country of the nationality word a name the dictionary does not know opens with
    ('Kovari Lancers' no; 'Pakistani Lancers': Pakistan): an English nationality adjective before a
    noun says whose its people are, as ACLED names a foreign force by its own country, not by the
    place it acts in. Only a word of one country (not an ethnicity's: 'Kurdish')."""
    words = words_of(name)
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) < 2:
        return None
    found = dictionary.demonym(words[0])
    return found[0] if found is not None and found[1] is None else None


def _names_an_ally(token: Token, dictionary: ActorDictionary) -> bool:
    """'Islah-affiliated fighters', 'Kora-backed militia': a name joined by a hyphen to an 'ally'
    participle (actor_cues.csv) that modifies a noun says whom that noun's people are allied to; the
    people are the actor, the name is no actor of the event (English compounds of this kind describe
    their head noun, as 'Turkish-made drones' are no Turkish act)."""
    participle = token.head
    doc = token.doc
    return (participle.i > token.i and participle.lower_ in dictionary.cues.get("ally", ())
            and participle.head.i > participle.i and participle.head.pos_ in ("NOUN", "PROPN")
            and all(doc[i].text == "-" for i in range(token.i + 1, participle.i)) and participle.i - token.i == 2)


def _split_coordination(
    unit: _Unit,
    conjuncts: list[_Unit],
    start: int,
    end: int,
    doc: Doc,
    dictionary: ActorDictionary,
    on: Optional[dt.date],
    default_country: Optional[str],
) -> list[Actor]:
    """'Russian and Syrian planes' -> 'Russian planes' + 'Syrian planes'."""
    first = conjuncts[0].conjunct_of or conjuncts[0]
    members = [first, *conjuncts]
    last = max(members, key=lambda u: u.root.right_edge.i)
    region_start = min(u.root.left_edge.i for u in members)
    prefix = doc[start:region_start].text
    tail = doc[last.root.right_edge.i + 1 : end].text
    hedged = any(_or_coordinated(u.root) for u in members) or _hedged(unit.root, start, dictionary)
    actors = []
    for member in sorted(members, key=lambda u: u.start):
        modifier = doc[member.root.left_edge.i : member.root.right_edge.i + 1]
        # strip the conjunction the member's subtree may carry ("Russian and Syrian" under "Russian")
        modifier_text = doc[member.start : member.end].text if member.end - member.start < len(modifier) else modifier.text
        phrase = " ".join(p for p in (prefix, modifier_text, tail) if p)
        code = dictionary.code(phrase, on, default_country)
        if code is None:
            continue
        span_start = doc[member.start].idx
        actors.append(_actor(phrase, span_start, doc[end - 1].idx + len(doc[end - 1]), code, hedged))
    return actors


def _actor(name: str, start: int, end: int, code: ActorCode, uncertain: bool) -> Actor:
    return Actor(
        name=_clean(name),
        canonical=code.canonical,
        country=code.country,
        sector=code.sector,
        span=(start, end),
        kind=code.kind,
        affiliation=code.affiliation,
        uncertain=uncertain,
        confidence=code.confidence,
    )


def _clean(text: str) -> str:
    """The name as written, minus scare quotes and line breaks."""
    return _PUNCT_EDGE.sub("", " ".join(re.sub(r"[“”\"]", "", text).split()))


def _counted(token: Token) -> bool:
    """The noun is counted ('two Palestinians', 'dozens of Syrians'): people, not a state."""
    if any(c.dep_ == "nummod" or (c.dep_ in ("amod", "det") and is_count_word(c.text)) for c in token.children):
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and is_count_word(head.head.text)


def _role_token(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


NOUN_MODIFIER_DEPS = ("compound", "nmod", "amod")


def _names_a_currency(token: Token, dictionary: ActorDictionary) -> bool:
    """A country or demonym modifying the name of money ('the US dollar', 'the Lebanese pound',
    cue kind `currency`) says whose money it is: no actor acts or is acted upon there."""
    token = _role_token(token)
    if token.dep_ not in NOUN_MODIFIER_DEPS or token.i + 1 >= len(token.doc):
        return False
    money = dictionary.cues.get("currency", frozenset())
    after = token.doc[token.i + 1]  # 'US dollar exchange rate': a flat compound may hang both on 'rate'
    return any(word.i != token.i and word.pos_ == "NOUN" and word.lemma_.lower() in money for word in (token.head, after))


def is_location(token: Token, dictionary: ActorDictionary) -> bool:
    """A country or capital as the object of a locative preposition is a place, not an actor.

    A capital that only modifies another noun names where that thing is, not who acts: "Baghdad
    airport", "a central Athens hospital", "in Monrovia city", "Beirut's Gemmayzeh district", "the
    Achrafieh district of Beirut"; so does one in apposition to a place, or qualifying one after a
    comma ("in Malate, Manila", "Tripoli Airport Road (Tripoli)"). Not one modifying an actor noun
    ("the Kabul government", "Moscow officials"), nor a possessive of anything but a part of a
    town ("Washington's attempt").
    """
    token = _role_token(token)
    head = token.head
    if head.i != token.i and head.pos_ in ("NOUN", "PROPN") and not dictionary.is_actor_noun(head.text):
        if token.dep_ in NOUN_MODIFIER_DEPS or (token.dep_ == "poss" and _names_part_of_town(head)):
            return True
    if _qualifies_a_place(token, dictionary):
        return True
    locative = dictionary.cues.get("locative", frozenset())
    if (token.dep_ == "compound" and head.i != token.i and head.dep_ == "pobj" and head.head.lower_ in locative
            and not dictionary.is_actor_noun(head.text)):
        return True  # "in Westburg Valey": the object of "in", whatever the tagger made of a misspelt head
    while token.dep_ == "appos" and token.head.i != token.i:
        token = _role_token(token.head)
    if token.dep_ == "pobj":
        preposition = token.head
        return preposition.lower_ in locative or (preposition.lower_ == "of" and _names_part_of_town(preposition.head))
    return token.dep_ in ("npadvmod",)


def _after_a_town(token: Token, dictionary: ActorDictionary) -> bool:
    """The country written after a town it qualifies, the town being the object of a locative
    preposition: 'in Khulna, Bangladesh', 'near Kita, Mali'."""
    town = _role_token(token).head
    return (_role_token(token).dep_ == "appos" and town.dep_ == "pobj"
            and town.head.lower_ in dictionary.cues.get("locative", frozenset()))


def _only_after_a_town(code: ActorCode, span: Span, dictionary: ActorDictionary) -> bool:
    """A phrase coded whole as a country ('a market in Khulna, Bangladesh') that names the country
    only after a town (`_after_a_town`): where the market is, not whom it belongs to."""
    if code.kind not in ("country", "capital"):
        return False
    naming = [t for t in span if (found := dictionary.code(t.text)) is not None and found.country == code.country
              and found.kind in ("country", "capital")]
    return bool(naming) and all(_after_a_town(t, dictionary) for t in naming)


def _only_naming_money(code: ActorCode, span: Span, dictionary: ActorDictionary) -> bool:
    """A phrase coded whole as a state ('the high US dollar exchange rate') that names it only as
    the owner of its money (`_names_a_currency`): what the crowd protests, not who acts."""
    if code.kind not in ("country", "capital", "demonym"):
        return False
    naming = [t for t in span if (found := dictionary.code(t.text)) is not None and found.country == code.country]
    return bool(naming) and all(_names_a_currency(t, dictionary) for t in naming)


def _names_part_of_town(noun: Token) -> bool:
    """A word for a part of a town or a place in one ("district", "area", "street", "square"), or
    a noun whose owner is a location, never a government ("the centre of Nairobi", "the outskirts
    of X": `place_noun` of geo_metonym_cues.csv, the words for which "X's <noun>" is no metonym)."""
    from strife.extract.places.metonymy import metonym_cues
    from strife.resolve.geocode import admin_words

    return (admin_words().get(noun.lower_) in ("any", "landmark", "admin2")
            or noun.lower_ in metonym_cues().get("place_noun", ()))


def _qualifies_a_place(token: Token, dictionary: ActorDictionary) -> bool:
    """Written after a comma that follows a place after a locative preposition: "in Malate, Manila";
    not when it is a clause's subject or object ("talks were held in Geneva, Moscow said")."""
    doc = token.doc
    before = token.i - 1
    if before < 2 or doc[before].text != "," or token.dep_ in ("nsubj", "nsubjpass", "agent", "dobj"):
        return False
    start = before - 1
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    locative = dictionary.cues.get("locative", frozenset())
    return doc[before - 1].pos_ == "PROPN" and start > 0 and doc[start - 1].lower_ in locative


def _or_coordinated(token: Token) -> bool:
    head = _role_token(token)
    conjunction = [c for c in head.children if c.dep_ == "cc"] + [c for c in token.children if c.dep_ == "cc"]
    return any(c.lower_ in ("or", "and/or") for c in conjunction)


def _hedged(token: Token, start: int, dictionary: ActorDictionary) -> bool:
    """Who did it is hedged: a cue just before the mention ('suspected militants') or on the verb
    the mention is subject, object or agent of ('likely carried out by ... planes')."""
    hedges = dictionary.cues.get("hedge", frozenset())
    doc = token.doc
    if any(doc[i].lower_ in hedges for i in range(max(0, start - 2), start)):
        return True
    token = _role_token(token)
    while token.dep_ in ("pobj", "agent", "prep") and token.head.i != token.i:
        token = token.head
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "agent", "pobj"):
        return False
    verb = token.head
    return any(c.lower_ in hedges and c.dep_ in ("advmod", "amod", "acomp") for c in verb.children)
