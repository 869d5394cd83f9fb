"""From mentions to places: an article's toponyms resolved, then checked against the rest of the article.

`explain_places` reads an article once (its mentions and focus votes), resolves every plausible
mention in the focus the rest of the article gives it, then applies what only the whole article
says: metonyms and countries used as attributes are not locations; a small namesake in a country
nothing else supports is not where the event was ("Zesso" read in Côte d'Ivoire in an article
about Mali); a place people came from yields to its sentence's other places ("migrants from
Bihar ... in Rewa"); an article with no usable toponym is placed where its organisations are
named after ("the Tasmania Public Service Commission"), else where its actors say.
`find_places` gives the places alone; `places_and_focus` also the focus, for the places stage.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Collection, Optional, Sequence

from spacy.tokens import Doc, Span

from strife.extract import doc_ents, doc_text
from strife.extract.places.focus import FocusSupport, FocusVote, focus_of, mentions_and_votes
from strife.extract.places.anchors import nearest_pairs, nearest_to_anchors
from strife.extract.places.border_raids import BesideRebels
from strife.extract.places.cued_names import begins_name, cued_name_place
from strife.extract.places.metonymy import METONYM_CONFIDENCE, coordination_head, country_as_attribute, is_metonym
from strife.extract.places.mentions import facility_words
from strife.extract.places.names import (
    MAX_NAME_TOKENS,
    Mention,
    gazetteer_query,
    is_name_token,
    locality_words,
    stop_words,
)
from strife.extract.places.plausibility import MIN_POPULATION_WITHOUT_CUE, english_words, is_demonym, is_plausible
from strife.extract.places.readings import (
    LONE_ALTERNATE_MIN_POPULATION,
    is_short_name,
    prefer_named_regions,
    ranked_readings,
    resolve_mention,
    sites_at_home,
    known_by_this_name,
    stands_alone,
    weak_lone_reading,
    weak_part_reading,
    towns_regions,
    undecided_namesakes,
)
from strife.model import Place
from strife.resolve.distance import km_apart
from strife.resolve.geocode import RIVAL_DISTANCE_KM, Candidate, Gazetteer, admin_words, kind_countries, to_place
from strife.resolve.spellings import normalise_name, respellings, same_sounds


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
    landmark: bool = False  # names a street or neighbourhood ("Kohat road"), not the town itself
    reason: Optional[str] = None  # why it was placed so, when it is not the best reading's own place


    def to_dict(self, explain: bool = False, limit: int = 10) -> dict:
        """JSON-ready: the place, and with `explain` the readings weighed (at most `limit`)."""
        data = {"written": self.written, "place": self.place.model_dump(mode="json"),
                "not_a_location": self.not_a_location, "qualified_by": self.qualified_by}
        if explain:
            data["focus_countries"] = self.focus_countries
            if self.reason:
                data["reason"] = self.reason
            data["candidates"] = [
                {"name": c.name, "kind": c.kind, "admin1": c.admin1, "country": c.country, "lat": c.lat, "lon": c.lon,
                 "population": c.population, "geonames_id": c.geonames_id, "score": score}
                for c, score in self.candidates[:limit]
            ]
        return data


def explain_places(
    doc: Doc, gazetteer: Optional[Gazetteer] = None, focus_countries: Optional[Sequence[str]] = None
) -> list[Toponym]:
    """Every toponym in `doc` with the readings weighed for it, in text order (metonyms included)."""
    return _read_places(doc, gazetteer or Gazetteer.default(), focus_countries)[0]


def places_and_focus(doc: Doc, gazetteer: Optional[Gazetteer] = None) -> tuple[list[Place], list[str]]:
    """What the places stage records, from one read of `doc`: its places (metonyms left out, as
    `find_places` gives them) and its focus countries, strongest first (as `focus_countries_of`)."""
    found, focus = _read_places(doc, gazetteer or Gazetteer.default(), None)
    return [t.place for t in found if not t.not_a_location], focus


def _read_places(
    doc: Doc, gazetteer: Gazetteer, focus_countries: Optional[Sequence[str]]
) -> tuple[list[Toponym], list[str]]:
    """The toponyms of `explain_places`, and the focus they were read in (`focus_countries` when given)."""
    mentions, votes = mentions_and_votes(doc, gazetteer)
    focus = list(focus_countries) if focus_countries is not None else focus_of(votes)
    names = [normalise_name(m.name(doc)) for m in mentions]
    all_support = FocusSupport(votes, names)
    # Foreign forces act abroad ("Turkish forces shelled ... in X countryside"): their adjective
    # says who, not where, so it supports no country against a town's own reading.
    unarmed_support = FocusSupport([v for v in votes if not v.armed], names)
    # A place read by its own name ("Barkhola") is not outweighed by a name read as another name
    # of a place abroad ("Kalistan" as Kaliston): only own names vouch against it.
    own_name_support = FocusSupport([v for v in votes if not v.armed and not v.alternate], names)
    # ... nor by a rebel group's home, when the place lies near it: rebels strike across its borders.
    beside_rebels = BesideRebels.of(votes, names, gazetteer)
    read_in = [focus if focus_countries is not None else all_support.ranked_without(i) for i in range(len(mentions))]
    if focus_countries is None:
        read_in = [beside_rebels.read_in(doc, mention, read_in[i]) for i, mention in enumerate(mentions)]
    # A rebel group's home alone makes no town across its border implausible ("Boko Haram raided a market
    # in <Cameroonian town>"): `BesideRebels` judges such a town once read.
    plausible_in = focus if focus_countries is not None else focus_of([v for v in votes if not v.rebel])
    readings = [ranked_readings(doc, m, gazetteer, read_in[i]) if is_plausible(m, doc, plausible_in) else None
                for i, m in enumerate(mentions)]
    facilities = {i for i, m in enumerate(mentions) if m.end < len(doc) and doc[m.end].lower_ in facility_words()}
    bases = _actor_regions(doc, gazetteer)
    # A site's home is said by places and people, not by forces or rebels, who strike abroad ("Turkish jets
    # struck Qamishli airport", "Boko Haram attacked the Maradi military base").
    readings = sites_at_home(doc, mentions, readings,
                             FocusSupport([v for v in votes if not v.armed and not v.rebel], names).without)
    readings = prefer_named_regions(mentions, readings, facilities, bases)
    readings = nearest_to_anchors(doc, mentions, readings, towns_regions(mentions, readings))
    readings = nearest_pairs(doc, mentions, readings)
    undecided = undecided_namesakes(mentions, readings, gazetteer, bases)
    for index, (country, _) in undecided.items():
        readings[index] = [(country, readings[index][0][1])] + readings[index]
    anchors = _anchored_regions(mentions, readings)
    toponym_support = FocusSupport([v for v in votes if v.mention is not None and not v.alternate], names)
    # The country of the note's unarmed people by their adjective ("Kenyan herders"): an armed group's
    # home ("Al Shabaab militants attacked ... in Mandera county") is not where it acts.
    # A demonym inside a toponym ("Somali region") is the toponym's, not a people's.
    named = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in mentions]
    people = _dominant_country([v for v in votes if v.mention is None and not v.armed
                                and is_demonym(doc_text(doc)[v.span[0] : v.span[1]])
                                and not any(a <= v.span[0] < b for a, b in named)])
    actor_countries = frozenset([people] if people else [])  # one people, far more than any other
    units = [(names[i], ranked[0][0].country) for i, ranked in enumerate(readings)
             if ranked and ranked[0][0].kind == "admin1" and ranked[0][0].country]
    # The one country whose forces act in the note ("the Westland army shot ..."): no evidence against a
    # town's own name (foreign forces act abroad), but against a town abroad read by another of its names
    # in a country nothing else in the note says.
    forces = _forces_country(doc, votes)
    forces_against: list[int] = []  # mentions read as such a town, far from the forces' country
    read_names = {names[i] for i, ranked in enumerate(readings) if ranked}  # the names read as places
    # ... and those written whole somewhere ("In Barisal, ... on the Barisal-Kotwali road"): a part so
    # written is no part of an unknown longer name
    whole_names = {names[i] for i, ranked in enumerate(readings) if ranked and not mentions[i].partial}
    found = []
    read_at: dict[int, str] = {}  # mention index -> the country its place was read in
    found_at: list[int] = []  # each toponym's mention index
    for index, (mention, ranked) in enumerate(zip(mentions, readings)):
        place = resolve_mention(doc, mention, gazetteer, read_in[index], ranked) if ranked is not None else None
        if place is None:
            continue
        if place.country:
            read_at[index] = place.country
        # A name placed at the country qualifying it ("X village, Somalia") is no attribute of a thing.
        not_a_location = is_metonym(doc, doc[mention.start : mention.name_end], gazetteer) or (
            place.feature == "country" and not mention.fallback and country_as_attribute(doc, mention)
        ) or unsupported_namesake(mention, ranked,
                                   beside_rebels.judged(ranked, index, others := support_for(
                                       ranked, own_name_support, unarmed_support).without(index)),
                                   anchors, toponym_support.without(index),
                                   _names_locality(doc, mention) or part_of_longer_name(doc, mention, ranked),
                                   _far_abroad(ranked, others, gazetteer), actor_countries,
                                   _far_abroad(ranked, {c for name, c in units if name != names[index]} | actor_countries, gazetteer),
                                   all_support.without(index), names[index], _own_unit_word(doc, mention, ranked))
        if (not not_a_location and forces and ranked and ranked[0][0].country not in all_support.without(index)
                and _weak_far_reading(mention, ranked, forces, gazetteer, names[index])):
            not_a_location = True
            forces_against.append(index)
        if (not not_a_location and not all_support.without(index) and read_names == {names[index]}
                and (weak_lone_reading(mention, ranked, names[index])
                     or (weak_part_reading(mention, ranked) and names[index] not in whole_names))):
            not_a_location = True  # a note that says no country nor other place: a weak reading abroad is none
        if not_a_location:
            place = place.model_copy(update={"confidence": min(place.confidence, METONYM_CONFIDENCE)})
        qualified_by = mention.fallback[0][0] if mention.fallback else None
        found_at.append(index)
        found.append(Toponym(doc[mention.start : mention.end].text, place, ranked, focus, not_a_location, qualified_by,
                             landmark=_names_landmark(doc, mention),
                             reason=undecided[index][1] if index in undecided else None))
    mark_placed_at_namesakes(found)
    _one_place_per_name(found)
    _mark_asides(doc, found)
    if not any(not t.not_a_location for t in found) and (
            fallback := _unplaced_article(doc, mentions, votes, gazetteer, forces if forces_against else None)):
        found.append(fallback)
    if focus_countries is not None:
        return found, focus
    return found, focus_of(_as_read(votes, read_at, _far_namesakes(found, found_at, votes, read_at, gazetteer)))


def _own_unit_word(doc: Doc, mention: Mention, ranked: Optional[Sequence[tuple[Candidate, float]]]) -> bool:
    """Is the name written with a kind word only some countries use for their units, the best reading's
    country among them ("X department" read in Cameroon, "Y county" in Kenya)?"""
    word = doc[mention.name_end : mention.end].text.casefold()
    return bool(ranked) and ranked[0][0].country in kind_countries().get(word, ())


def _far_namesakes(found: Sequence[Toponym], found_at: Sequence[int], votes: Sequence[FocusVote],
                   read_at: dict[int, str], gazetteer: Gazetteer) -> set[int]:
    """The mentions read as places that are no place of the article and lie in another part of
    the world from every country the rest of it says ("3 Kimovsk were killed" in a note about
    South Sudan: a people named like a Russian town), as `_far_abroad` judges a village: their
    vote says nothing of where the article is. A namesake near those countries keeps its vote:
    it may be where the actors went."""
    namesakes = {index: toponym.place for index, toponym in zip(found_at, found) if toponym.not_a_location}
    rest = focus_of([v for v in _as_read(votes, read_at, namesakes) if not v.metonym])
    capitals = [c for c in (gazetteer.country(code) for code in rest) if c is not None]
    return {index for index, place in namesakes.items() if place.lat is not None and capitals
            and all(km_apart(place, c) > FAR_ABROAD_KM for c in capitals)}


def _as_read(votes: Sequence[FocusVote], read_at: dict[int, str], namesakes: Collection[int]) -> list[FocusVote]:
    """The votes with each toponym's country that of the place it was read as: "Tripoli" votes
    for Libya alone, but read in the Lebanon the rest of the article names it says Lebanon, and
    the article's unnamed actors ("protesters") are of the country its places are in. A name
    found to be no place of the article (`namesakes`: a village abroad nothing else supports, a
    country as an attribute, `_far_namesakes`) says nothing of its country; a metonym keeps its
    fallback vote."""
    return [replace(vote, country=read_at[vote.mention])
            if vote.mention is not None and read_at.get(vote.mention, vote.country) != vote.country else vote
            for vote in votes if vote.metonym or vote.mention not in namesakes]


def support_for(ranked: Sequence[tuple[Candidate, float]], own_names: FocusSupport,
                 every: FocusSupport) -> FocusSupport:
    """The support a mention's reading is judged against: a reading by the place's own name is
    outweighed only by other own names, not by a name read as an alternate of a place abroad."""
    return own_names if ranked and ranked[0][0].primary else every


def _unplaced_article(doc: Doc, mentions: Sequence[Mention], votes: Sequence[FocusVote],
                      gazetteer: Gazetteer, forces_place: Optional[str] = None) -> Optional[Toponym]:
    """Where an article no toponym places is, as far as it says: another spelling of a place in one
    country (`_sole_variant_place`), else the country of its actors (`_actor_country_place`); with
    `forces_place`, the country of the acting forces whose evidence outweighed a weak reading abroad
    (`_weak_far_reading`), when no other actor says a country."""
    actor_focus = focus_of([vote for vote in votes if vote.mention is None])
    return (_sole_variant_place(doc, mentions, gazetteer, actor_focus, frozenset(focus_of(votes)))
            or _organisation_place(doc, gazetteer, focus_of([v for v in votes if v.mention is None and not v.armed]),
                                   _name_starts(doc, mentions), focus_of([v for v in votes if v.mention is None and v.armed]))
            or _cued_toponym(doc, mentions, gazetteer, actor_focus)
            or _actor_country_place(doc, gazetteer, votes, forces_place))


def _sole_variant_place(doc: Doc, mentions: Sequence[Mention], gazetteer: Gazetteer,
                        actor_focus: Sequence[str], signs: Collection[str]) -> Optional[Toponym]:
    """In an article nothing else places, a name written as a place ("in Jebleh") that is another
    spelling of places in one country only is taken as that place, with a low confidence, unless
    the article's actors say another country. A near-spelling of a village or a place of unknown
    size (`_village_sized`) crosses into no country the text gives no sign of (`signs`: its actors,
    cues and other names, and the orthography it is written in): "rebels attacked Kimbala" is not
    Kimball, Nebraska (issue #23). A town's other spelling, or the same sounds in another
    transliteration (`same_sounds`: "Shajarah" for Ash Shajara), is how a note may write it. A name
    written as a unit ("of Westmarsh region") is tried first: a region's spelling is a surer sign of
    the country than a village's near-namesake abroad ("Hollin area of Westmarsh region" is not a
    hamlet called Hollen elsewhere)."""
    for mention in sorted(mentions, key=lambda m: m.feature not in ("admin1", "admin2")):
        countries = {c.country for c in mention.candidates}
        name = mention.name(doc)
        if not (mention.variant and mention.cue and len(countries) == 1) or is_demonym(name):
            continue
        if normalise_name(name) in stop_words() or (actor_focus and countries != {actor_focus[0]}):
            continue
        ranked = gazetteer.explain(gazetteer_query(doc, mention), variants=True)
        if not countries & (set(signs) | _orthography_countries(name)) and _village_sized(ranked) \
                and not same_sounds(name, ranked[0][0].name):
            continue  # a near-spelling of a village in a country nothing in the text says
        if not actor_focus and weak_lone_reading(mention, ranked, normalise_name(name)):
            continue  # "insecurity in Shadad": a village-sized spelling abroad says no place
        place = resolve_mention(doc, mention, gazetteer, (), ranked)
        if place is not None:
            place = place.model_copy(update={"confidence": min(place.confidence, VARIANT_ALONE_CONFIDENCE)})
            return Toponym(doc[mention.start : mention.end].text, place, ranked, [])
    return None


VARIANT_ALONE_CONFIDENCE = 0.4


def _orthography_countries(name: str) -> set[str]:
    """The countries whose orthography the name is written in (`respellings`: Somali "Ceel Garaato"):
    the spelling itself is a sign of them."""
    return {country for _, countries in respellings(name) for country in countries}


def _village_sized(ranked: Sequence[tuple[Candidate, float]]) -> bool:
    """Is the best reading a settlement the gazetteer knows under `LONE_ALTERNATE_MIN_POPULATION`
    people (a village, or of unknown size), not a town a note might write in its own spelling nor a
    region (a region's spelling is a surer sign of it)?"""
    return bool(ranked) and ranked[0][0].kind == "city" and ranked[0][0].population < LONE_ALTERNATE_MIN_POPULATION


def _cued_toponym(doc: Doc, mentions: Sequence[Mention], gazetteer: Gazetteer,
                  actor_focus: Sequence[str]) -> Optional[Toponym]:
    """`cued_name_place` as a toponym, at `VARIANT_ALONE_CONFIDENCE`."""
    found = cued_name_place(doc, mentions, gazetteer, actor_focus, VARIANT_ALONE_CONFIDENCE)
    if found is None:
        return None
    place, readings, written = found
    return Toponym(written, place, [(c, 0.0) for c in readings], [place.country or ""],
                   reason="the one reading of a name written as a place, in an article nothing else places")


ORGANISATION_PLACE_CONFIDENCE = 0.3
# The kinds of place an organisation is named after, most specific first.
ORGANISATION_PLACE_KINDS = ("city", "admin2", "admin1", "country")


def _organisation_place(doc: Doc, gazetteer: Gazetteer, actor_focus: Sequence[str],
                        name_starts: Sequence[Span] = (), forces_focus: Sequence[str] = ()) -> Toponym | None:
    """In an article no toponym places, the place an organisation or a site is named after ("the
    Tasmania Public Service Commission", "the Saigon Water Supply Company", "the Geelong press
    club"): local bodies act where they are, and a coder places the event there
    rather than nowhere. The country is the actors' when they name one, else that of the armed
    forces named by their people (`forces_focus`: "ambushed a patrol of Kenyan troops in Witu
    Forest" by a movement of another country) when a name has a reading there, else the one country
    the names themselves clearly say (`_organisation_country`); of several names, the most specific
    place wins (a town before its region).
    """
    names = [(span, [c for c, _ in gazetteer.explain(span.text, actor_focus) if c.kind in ORGANISATION_PLACE_KINDS])
             for span in _organisation_names(doc, gazetteer) + list(name_starts)]
    readings: list[tuple[Span, Candidate]] = []
    country = None
    for country in (actor_focus[:1] + [c for c in forces_focus if c not in actor_focus[:1]] if actor_focus
                    else [_organisation_country(names)]):
        readings = [(span, c) for span, ranked in names for c in ranked if c.country == country]
        if readings:
            break
    if country is None or not readings:
        return None
    span, best = min(readings, key=lambda pair: ORGANISATION_PLACE_KINDS.index(pair[1].kind))
    place = to_place(best, span=(span.start_char, span.end_char), confidence=ORGANISATION_PLACE_CONFIDENCE,
                     written=span.text)
    return Toponym(span.text, place, [(best, 0.0)], [country])


def _actor_regions(doc: Doc, gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
    """The regions the note's organisations are named after ("the [Westmarsh] People's Militia", "the
    [Westmarsh] Regional Council"): a group named after its region acts there, so a village the note
    names with it is read in that region. A name counts when its readings as a region are in one
    country only."""
    regions = set()
    for span in _organisation_names(doc, gazetteer):
        readings = [c for c in gazetteer.lookup(span.text) if c.kind == "admin1" and c.primary and c.country]
        if readings and len({c.country for c in readings}) == 1:
            regions.update((c.country, normalise_name(c.admin1 or c.name)) for c in readings)
    return frozenset(regions)


def _organisation_country(names: Sequence[tuple[Span, Sequence[Candidate]]]) -> str | None:
    """The one country the organisations' place names agree on. A name counts when its readings
    as a region or a large place (a small village abroad is more likely a word of the name used
    otherwise), by its own name where it has such a one (a town's own name before an old name
    of a larger town abroad), are all in one country: "Limburg", in the Netherlands and Belgium,
    decides nothing, but is read in the country the others give. A short word that is only another name
    of a large town ("Tana" for Antananarivo, `is_short_name`) says nothing: a body or a river of a
    name so short is likelier named otherwise ("the Tana Delta")."""
    countries = set()
    for span, ranked in names:
        strong = [c for c in ranked if c.kind in ("country", "admin1") or c.population >= MIN_POPULATION_WITHOUT_CUE]
        strong = [c for c in strong if c.primary] or [c for c in strong if not is_short_name(span.text)]
        if strong and len({c.country for c in strong}) == 1:
            countries.add(strong[0].country)
    return countries.pop() if len(countries) == 1 else None


SITE_WORDS_AFTER = 2  # "Geelong [press club]"


def _organisation_names(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """The place names organisations' names start with ("[Saigon] Water Supply Company"), longest
    first; a one-word organisation only when a site word follows it ("Geelong press club")."""
    names = []
    for ent in doc_ents(doc):
        if ent.label_ != "ORG":
            continue
        start = ent.start + (ent[0].lower_ == "the")
        site_after = any(t.lower_ in facility_words() for t in doc[ent.end : ent.end + SITE_WORDS_AFTER])
        last = ent.end if site_after else ent.end - 1
        for end in range(min(last, start + MAX_NAME_TOKENS), start, -1):
            if _is_place_name(doc[start:end], gazetteer):
                names.append(doc[start:end])
                break
        else:
            tail = _name_after_of(doc, ent)
            if tail is not None and _is_place_name(tail, gazetteer) and not _names_a_country(tail, gazetteer):
                names.append(tail)
    return names


def _name_starts(doc: Doc, mentions: Sequence[Mention]) -> list[Span]:
    """Place names that begin a longer capitalised name the parser tagged as no organisation ("the
    [Westmarsh] Farmers Mahasabha", "[Westmarsh] Last Gate"): in an article nothing else places,
    the body or site is named after where it is, as `_organisation_names` finds in tagged ones."""
    return [doc[m.start : m.name_end] for m in mentions
            if m.partial and begins_name(doc, m.start) and not m.variant and not is_demonym(m.name(doc))
            and normalise_name(m.name(doc)) not in stop_words()]


def _is_place_name(span: Span, gazetteer: Gazetteer) -> bool:
    """Does the span name a place a body may be named after? Not an ordinary English word that only
    small towns abroad are called ("the University of Westmarsh" is named after Westmarsh, not after a
    town called University); a region or a large town of the word still is ("Delta State Police")."""
    if not (all(is_name_token(t) for t in span) and normalise_name(span.text) not in stop_words()
            and not is_demonym(span.text)):
        return False
    found = gazetteer.lookup(span.text)
    if len(span) == 1 and span[0].lower_ in english_words():
        return any(c.kind in ("country", "admin1") or c.population >= MIN_POPULATION_WITHOUT_CUE for c in found)
    return bool(found)


def _names_a_country(span: Span, gazetteer: Gazetteer) -> bool:
    """A body "of India" serves the nation ("the Food Corporation of India"), not a place of it."""
    return any(c.kind == "country" and c.primary for c in gazetteer.lookup(span.text))


def _name_after_of(doc: Doc, ent: Span) -> Span | None:
    """The name an organisation's name ends with after "of" ("the Government of [Westmark]", "the
    Teachers' Union of [Northvale]"): English names a body after the place it serves that way too."""
    ofs = [t.i for t in ent if t.lower_ == "of"]
    if not ofs:
        return None
    start = ofs[-1] + 1 + (ofs[-1] + 1 < ent.end and doc[ofs[-1] + 1].lower_ == "the")
    return doc[start : ent.end] if 0 < ent.end - start <= MAX_NAME_TOKENS else None


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


def unsupported_namesake(
    mention: Mention, ranked: Sequence[tuple[Candidate, float]], others: Collection[str],
    anchors: frozenset[tuple[str, str]] = frozenset(), other_toponyms: Collection[str] = (),
    locality: bool = False, far: bool = False, actor_countries: Collection[str] = (), far_town: bool = False,
    every_country: Collection[str] = (), name: str = "", unit_word: bool = False,
) -> bool:
    """Is the mention read as a small place where nothing else in the article supports it?

    "Zesso" in an article about Mali is not the Ivorian village of that name, whatever the
    gazetteer lacks: when other toponyms or actors place the article, a village or district
    elsewhere is a namesake of one the gazetteer does not hold, not where the event was. So is a
    neighbourhood read in another region of the country whose town the article writes with its
    region ("in Sinop, Mato Grosso, ... in Vila Mariana neighborhood" is not São Paulo's).
    A name written as a part of a town (`locality`: "the Ashfield area") is a namesake there even
    when the reading abroad is a large town; so is a name that is only another name (an old or
    foreign one) of a large town abroad, not known worldwide, in another part of the world from
    every country the rest of the article says ("Brunn, in central Mali" is not Brno). Otherwise countries, regions, well-known towns, districts written as districts ("in remote Ukhrul
    district", whatever country the actors name) or with a kind word only some countries use, the
    district's among them (`unit_word`: "X department" in Cameroon), and names fitting their own qualifiers are exempt; so are
    names the parser tags as places that name one place only, by its own name, unless other
    toponyms place the article elsewhere ("Manbij" says it is in Syria, whoever acts there).
    """
    if not ranked or mention.fits_qualifiers or mention.fallback:
        return False
    best = ranked[0][0]
    if locality and best.kind == "city" and others and best.country not in others:
        return True  # "the city's Ashfield area": a part of a town, not the large town abroad of its name
    if (best.kind == "admin1" and actor_countries and best.country not in actor_countries
            and best.country not in every_country):
        return True  # "Kenyan herders clashed in the Coast region": their country's coast, not a region of that name across a border
    if far_town and best.kind == "city" and not stands_alone(best):
        return True  # a town in another part of the world from every region the note names: a namesake
    if far and best.kind == "city" and not best.primary and not known_by_this_name(best, name or best.name):
        return True  # "Brunn, in central Mali" is not Brno, one of whose other names it is: a town far abroad
    if best.kind in ("country", "admin1") or (best.kind == "city" and best.population >= MIN_POPULATION_WITHOUT_CUE):
        return False  # a country, a region or a well-known town is not mistaken for a village
    if best.kind == "admin2" and (mention.feature == "admin2" or unit_word):
        return False  # "Ukhrul district", "Westmayo department": the text itself says it names a unit, and this
        # is one; an armed group's home country ("<group> attacked ... in X department") is not where it acts
    unique = best.primary and not (mention.variant or mention.partial or _far_readings(ranked))
    if unique and mention.from_entity:
        return (bool(other_toponyms) and best.country not in other_toponyms) or far
    if others and best.country not in others:
        return True
    anchored_countries = {country for country, _ in anchors}
    return best.country in anchored_countries and (best.country, normalise_name(best.admin1 or "")) not in anchors


# A village this far from the capital of every country the rest of the article names is in another
# part of the world: a namesake, not where the article's actors act.
FAR_ABROAD_KM = 2000.0
# The readings so judged: towns, and districts read by a bare name ("MINUSCA peacekeepers in Bangara" is
# not a ward of that name in the Pacific). A name written as a district is exempt (`unsupported_namesake`).
FAR_NAMESAKE_KINDS = ("city", "admin2")


def _far_abroad(ranked: Sequence[tuple[Candidate, float]] | None, others: Collection[str], gazetteer: Gazetteer) -> bool:
    """Is the mention's reading a town or district (`FAR_NAMESAKE_KINDS`) in another part of the world
    from every country the rest of the article says (whatever its size: `unsupported_namesake` exempts well-known towns read
    by their own name) ("Boko Haram militants attacked Dalo village" is not in Indonesia)? Near
    one of them it may be where its actors went (across a border); far from all, the gazetteer
    lacks the village and holds only a namesake."""
    if not ranked or not others:
        return False
    best = ranked[0][0]
    if best.kind not in FAR_NAMESAKE_KINDS or best.country in others:
        return False
    capitals = [c for c in (gazetteer.country(code) for code in others) if c is not None]
    return bool(capitals) and all(km_apart(best, c) > FAR_ABROAD_KM for c in capitals)


def mark_placed_at_namesakes(found: list[Toponym]) -> None:
    """A name known only from its qualifier ("the village of X in Y") and placed at Y is no more
    where the event was than Y itself: when Y was read as a namesake nothing else supports
    (`unsupported_namesake`), so is the name placed at it."""
    namesakes = {normalise_name(t.written) for t in found if t.not_a_location and t.place.feature != "country"}
    for toponym in found:
        if toponym.qualified_by and not toponym.not_a_location and normalise_name(toponym.qualified_by) in namesakes:
            toponym.not_a_location = True
            toponym.place = toponym.place.model_copy(update={"confidence": min(toponym.place.confidence, METONYM_CONFIDENCE)})


def _one_place_per_name(found: list[Toponym]) -> None:
    """A name written twice in one article names one place: where the text once says what holds it
    ("at X in Y city", placed at Y because the gazetteer knows X only as a town far away), its other
    mentions ("X's main road") are that place too, not the namesake their bare name reads as."""
    held = {normalise_name(t.written): t.place for t in found if t.qualified_by and not t.not_a_location}
    for toponym in found:
        place = held.get(normalise_name(toponym.written))
        if place is None or toponym.qualified_by or toponym.not_a_location or toponym.place.feature == "country":
            continue
        toponym.place = place.model_copy(update={"span": toponym.place.span,
                                                 "confidence": min(place.confidence, toponym.place.confidence)})
        toponym.qualified_by = next(t.qualified_by for t in found if t.place is place)
    _qualifiers_as_read(found)


def _qualifiers_as_read(found: list[Toponym]) -> None:
    """A name read as the place holding a village ("at X in Y", X unknown and placed at Y) is that place
    where it is also read on its own: the Y the village was placed at, not a namesake abroad its bare name
    reads as by another of its names ("Y" as a town overseas once called so), when that namesake is in
    no country the article's other places are in."""
    at_qualifier = {normalise_name(t.qualified_by): t.place for t in found
                    if t.qualified_by and not t.not_a_location and t.place.feature != "country"}
    for toponym in found:
        place = at_qualifier.get(normalise_name(toponym.written))
        if (place is None or toponym.qualified_by or toponym.not_a_location or toponym.place.country == place.country
                or toponym.place.feature == "country"):
            continue
        toponym.place = place.model_copy(update={"span": toponym.place.span, "part": None,
                                                 "confidence": min(place.confidence, toponym.place.confidence)})
        toponym.reason = "read as the place its village was placed at"


def _far_readings(ranked: Sequence[tuple[Candidate, float]]) -> bool:
    """Does the name also name a place more than `RIVAL_DISTANCE_KM` from its best reading?"""
    best = ranked[0][0]
    return any(km_apart(best, c) > RIVAL_DISTANCE_KM for c, _ in ranked[1:])


def _mark_asides(doc: Doc, found: list[Toponym]) -> None:
    """A place written as where people or things came from ("migrants from Bihar clashed ... in
    Rewa"), or a street or neighbourhood named after a town ("Sanaa Street ... in Taiz",
    "Colonia Las Brisas" in "Puerto Vallarta, Jalisco"), is not where the event was when its
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
        if _across_the_border(span):
            # The other side of a border ("gunmen from across the border in X raided a village") is
            # where the doers came from, never where they acted, whether or not the sentence names that.
            toponym.not_a_location = True
            toponym.place = toponym.place.model_copy(update={"confidence": min(toponym.place.confidence,
                                                                                METONYM_CONFIDENCE)})
        elif span.sent.start in placing_sentences:
            confidence = min(toponym.place.confidence, ORIGIN_CONFIDENCE)
            toponym.place = toponym.place.model_copy(update={"confidence": confidence})


ORIGIN_CONFIDENCE = 0.45


def _names_landmark(doc: Doc, mention: Mention) -> bool:
    """Is the name that of a street, road or neighbourhood ("Kohat road", "Colonia Las Brisas")?"""
    words = admin_words()
    after = doc[mention.name_end] if mention.name_end < len(doc) else None
    before = doc[mention.start - 1] if mention.start > 0 else None
    return any(token is not None and words.get(token.lower_) == "landmark"
               for token in (after, before, doc[mention.start]))


def _names_locality(doc: Doc, mention: Mention) -> bool:
    """Is the name written as a part of a town ("Ashfield area", "Parkvale neighbourhood")?"""
    return any(token.lower_ in locality_words() for token in doc[mention.name_end : mention.end + 1])


def part_of_longer_name(doc: Doc, mention: Mention, ranked: Sequence[tuple[Candidate, float]] | None) -> bool:
    """Is the name read as a town whose own name holds it and more words ("Lake" read as "Lake
    City")? That reading is a shortened name of a town elsewhere, as weak as a part of a town:
    a namesake when the rest of the article is in another country (`unsupported_namesake`)."""
    if not ranked or ranked[0][0].primary or ranked[0][0].kind != "city":
        return False
    written, own = normalise_name(mention.name(doc)).split(), normalise_name(ranked[0][0].name).split()
    return len(own) > len(written) and any(own[i : i + len(written)] == written for i in range(len(own)))


def _is_origin(span: Optional[Span]) -> bool:
    """Is the place the object of "from" ("reinforcements from Dhamar governorate"), or joined to
    that object by "and" or a comma ("fighters from Westvale district and Eastbrook")? A coordinated
    list shares its preposition: every place of "from X and Y" is where people came from."""
    if span is None or not len(span):
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    while before is not None and before.lower_ == "the" and before.i > 0:
        before = span.doc[before.i - 1]
    if before is not None and before.lower_ == "from":
        return True
    if before is not None and before.lower_ == "in" and _from_across_border(span.doc, before.i):
        return True  # "gunmen from across the border in X raided ...": X is where they came from
    if span.root.dep_ != "conj":
        return False
    token = coordination_head(span.root)
    return token.dep_ == "pobj" and token.head.lower_ == "from"


def _across_the_border(span: Span) -> bool:
    """Is the place written "from across the border in X" (`_from_across_border`)?"""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "in" and _from_across_border(span.doc, span.start - 1)


def _from_across_border(doc: Doc, in_at: int) -> bool:
    """Do the words before the "in" at `in_at` read "from across (or over) the border"? The country
    or place after it is the other side, whence the doers came, not where the act was."""
    words = [token.lower_ for token in doc[max(0, in_at - 4) : in_at]]
    return words[-4:] in (["from", "across", "the", "border"], ["from", "over", "the", "border"])


def written_as_origin(doc: Doc, char_span: tuple[int, int]) -> bool:
    """Is the text at these offsets a place written as where people or things came from (`_is_origin`),
    in a "from" phrase that describes a person or group ("reinforcements from X", "a teacher from Y")?
    A "from" phrase of a verb often says where the act was ("abducted from X", "fired from Y")."""
    span = doc.char_span(*char_span, alignment_mode="expand")
    if not _is_origin(span):
        return False
    token = coordination_head(span.root)
    preposition = token.head if token.dep_ == "pobj" else None
    return (preposition is not None and preposition.lower_ == "from"
            and preposition.head.pos_ in ("NOUN", "PROPN", "PRON"))


ACTOR_PLACE_CONFIDENCE = 0.3


def _actor_country_place(doc: Doc, gazetteer: Gazetteer, votes: Sequence[FocusVote],
                         forces_place: Optional[str] = None) -> Optional[Toponym]:
    """With no toponym to place it, the article is in the country its actors and cues say (precision 3).

    "Houthi forces fired on ..." is in Yemen, as a coder would record it, rather than nowhere, when
    the actors and cues that name a country name that one far more than any other
    (`_dominant_country`); the place's span is the words that say so, its confidence low.
    """
    # A people's adjective naming armed forces ("Israeli drones", "Turkish forces") says who acts,
    # often abroad, not where; one naming anything else ("the Lebanese pound") says where.
    actor_votes = [vote for vote in votes if vote.mention is None and not vote.armed]
    focus = _dominant_country(actor_votes)
    forces = _forces_country(doc, votes)
    if (forces is not None and focus is not None and forces != focus and _only_groups(doc, actor_votes, focus)
            and not _group_acts(doc, actor_votes, focus)):
        # ... but where a state's forces, acting, fight a group in a place the text does not place
        # ("Kenyan forces killed four militants of <group> in <village>"), the fight is on the state's
        # ground as a coder reads it: the group's home country yields to the forces' nationality. Not
        # forces attacked ("<group> attacked a Kenyan forces base") nor forces among a people
        # ("the Israeli army forced out Palestinian refugees"): a people's adjective says where.
        focus, actor_votes = forces, [vote for vote in votes if vote.mention is None and vote.armed]
    reason = None
    if focus is None and forces_place is not None and forces == forces_place:
        # The note's only place was a town abroad read by another of its names: the acting forces'
        # country is the better evidence of where ("the Westland army shot a civilian in <village>").
        focus, actor_votes = forces, [vote for vote in votes if vote.mention is None and vote.armed]
        reason = "the only reading of the place was another name of a town far from the acting forces' country"
    if focus is None:
        return None  # none, or actors of several countries ("Syrian and Iraqi forces"): no telling where
    focus = [focus]
    country = gazetteer.country(focus[0])
    if country is None:
        return None
    evidence = max((v for v in actor_votes if v.country == focus[0]), key=lambda v: v.weight)
    place = to_place(country, span=evidence.span, confidence=ACTOR_PLACE_CONFIDENCE).model_copy(
        update={"inferred_from": "actors"})
    return Toponym(doc_text(doc)[evidence.span[0] : evidence.span[1]], place, [(country, 0.0)], focus, reason=reason)


def _weak_far_reading(mention: Mention, ranked: Optional[Sequence[tuple[Candidate, float]]], forces: str,
                      gazetteer: Gazetteer, name: str = "") -> bool:
    """Is the mention read only as a town far from the acting forces' country by another (old,
    foreign or near-spelled) of its names, not known worldwide, with nothing written beside it that
    holds it (`known_by_this_name`: a famous town is not known by a short other name, "Bako" for
    Baku)? Such a reading is weaker evidence of the place than the forces that act there: "the
    Westland army shot a civilian in Tur" is not in a French town once called so. A town's own name
    or a region stands: foreign forces do act abroad."""
    if not ranked or mention.fits_qualifiers or mention.fallback or mention.admin_hint:
        return False
    best = ranked[0][0]
    return (best.kind == "city" and not best.primary and not known_by_this_name(best, name or best.name)
            and best.country != forces and _far_abroad(ranked, {forces}, gazetteer))


def _forces_country(doc: Doc, votes: Sequence[FocusVote]) -> Optional[str]:
    """The one country whose armed forces the note names by their people's adjective ("Kenyan
    forces", "the Nigerian army"), if only one country's are named, and they act (the subject of a
    clause, not the object or a modifier)."""
    armed = [vote for vote in votes if vote.mention is None and vote.armed and not vote.metonym]
    if len({vote.country for vote in armed}) != 1:
        return None
    acting = [vote for vote in armed if (words := doc.char_span(*vote.span, alignment_mode="expand")) is not None
              and _subject_root(words.root).dep_ in ("nsubj", "ROOT")]
    return acting[0].country if acting else None


def _subject_root(token):
    """The head noun a phrase's root leads ("Kenyan forces" in "Kenyan forces air forces strike")."""
    while token.dep_ in ("compound", "amod") and token.head.i != token.i:
        token = token.head
    return token


def _only_groups(doc: Doc, votes: Sequence[FocusVote], country: str) -> bool:
    """Are the votes for the country all named groups, none a people's adjective ("Palestinian") nor a
    mission at work there ("AMISOM/Kenyan forces", "Ugandan troops under AMISOM": forces serving abroad)?"""
    return all(not vote.cue and not is_demonym(doc_text(doc)[vote.span[0] : vote.span[1]])
               for vote in votes if vote.country == country)


def _group_acts(doc: Doc, votes: Sequence[FocusVote], country: str) -> bool:
    """Is a group of the country the subject of a clause of its own ("Ethiopian troops withdrew from
    <town>; al Shabaab moved in")? Then the group acts where it is at home as much as the forces do
    abroad, and the forces' nationality is no better sign of the place than the group's home; only
    forces acting on the group ("Kenyan soldiers killed al Shabaab fighters") fight on their own ground."""
    for vote in votes:
        words = doc.char_span(*vote.span, alignment_mode="expand") if vote.country == country else None
        if words is not None and _subject_root(words.root).dep_ in ("nsubj", "nsubjpass"):
            return True
    return False


# The actors' country places an article only when it outweighs every other country its actors say
# this many times over: "Liyu police detained ... Somali elders ... Liyu police released them" is in
# Ethiopia (a state's own police, named twice, against a people's adjective), "Syrian and Iraqi
# forces" nowhere.
ACTOR_COUNTRY_DOMINANCE = 2.0


def _dominant_country(votes: Sequence[FocusVote]) -> Optional[str]:
    """The country of the votes that outweighs each other one `ACTOR_COUNTRY_DOMINANCE` times, if any."""
    weights: dict[str, float] = {}
    for vote in votes:
        if not vote.metonym:
            weights[vote.country] = weights.get(vote.country, 0.0) + vote.weight
    ranked = sorted(weights.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] <= 0:
        return None
    if len(ranked) > 1 and ranked[0][1] < ACTOR_COUNTRY_DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]
