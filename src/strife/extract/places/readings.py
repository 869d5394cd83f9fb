"""A mention's readings: the places the gazetteer says it may be, ranked, and the `Place` the best becomes.

The ranking (`ranked_readings`) uses what the text says about the mention: its kind word, its
qualifiers, another spelling of a known name ("Kafr Qaseem"), the article's focus countries. A
name known only from its qualifiers takes the readings of the first qualifier that resolves and
is placed there (`resolve_mention`, at most `QUALIFIER_FALLBACK_CONFIDENCE`). A `Toponym` is one
name as read: its place and the readings weighed for it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Collection, Optional, Sequence

from spacy.tokens import Doc

from strife.datafiles import read_data_csv
from strife.extract.places.names import Mention, gazetteer_query
from strife.extract.places.plausibility import MIN_POPULATION_WITHOUT_CUE
from strife.model import Place
from strife.resolve.distance import km_apart
from strife.resolve.geocode import (
    STRONG_POPULATION,
    Candidate,
    Containers,
    Gazetteer,
    ranking_confidence,
    to_place,
)
from strife.resolve.spellings import normalise_name, same_sounds

# Confidence of a place known only from its qualifiers (the village itself is not in the gazetteer).
QUALIFIER_FALLBACK_CONFIDENCE = 0.6
# The kinds of reading a village may be (a town, or a district named like its seat): the readings that give
# way to, or are chosen from, a named region's namesakes.
SETTLEMENT_KINDS = ("city", "admin2")
# A mention's readings: the gazetteer's places it may be, with their scores, best first.
Ranked = list[tuple[Candidate, float]]


def region_key(candidate: Candidate) -> tuple[str, str]:
    """The (country, region) a reading lies in, its region's name normalised: how regions the
    note names and regions of its readings are compared."""
    return candidate.country, normalise_name(candidate.admin1 or "")


def put_first(ranked: Ranked, chosen: tuple[Candidate, float], score: Optional[float] = None) -> Ranked:
    """The readings with `chosen` first (scored `score` when one is given), the others in their order."""
    first = chosen if score is None else (chosen[0], score)
    return [first] + [pair for pair in ranked if pair is not chosen]


def ranked_readings(doc: Doc, mention: Mention, gazetteer: Gazetteer, focus: Sequence[str]) -> Ranked:
    """The mention's readings, best first; for a fallback mention, those of its first qualifier that resolves."""
    if not mention.fallback:
        ranked = gazetteer.explain(gazetteer_query(doc, mention), focus, admin1=mention.admin_hint,
                                   qualifiers=mention.qualifiers, variants=mention.variant)
        within = Containers.of(mention.qualifiers)
        if mention.variant:
            ranked = [(c, score) for c, score in ranked if c.country in focus or within.holds(c)]
        return country_first(ranked, focus, within)
    for name, wider in mention.fallback:
        # The widest qualifier names a region (or a town of that very name in it) where it can:
        # "Guasabe, Sinaloa" is in the state, not in a village called Sinaloa in Chiapas nor in
        # Sinaloa de Leyva; "X (Marib)" is near Marib.
        ranked = gazetteer.explain(name, focus, qualifiers=wider, variants=True, admin1=None if wider else name)
        if not wider:
            regions = Containers.of([c for c, _ in ranked if c.kind != "city"])
            ranked = [(c, score) for c, score in ranked
                      if c.kind != "city" or (c.primary and regions.holds_region(c))] or ranked
        if ranked and (not wider or Containers.of(wider).holds(ranked[0][0])):
            return ranked
        if wider and (district := _district_over_province(ranked, wider)):
            return district
    return []


def _district_over_province(ranked: Ranked, wider: Sequence[Candidate]) -> Optional[Ranked]:
    """A district the note's own province does not hold ("X (Westpur, Eastland)" with the country's one
    Westpur district in Northland): the writer slipped on the province, written from memory, rather
    than on the district, copied from the report. The village is placed at that district when it is
    the only district of the name in the province's country, and the province named no district of it."""
    countries = {c.country for c in wider if c.kind in ("admin1", "country") and c.country}
    districts = [(c, score) for c, score in ranked if c.kind == "admin2" and c.primary and c.country in countries]
    if len(countries) != 1 or len(districts) != 1:
        return None
    return districts


# A town of `STRONG_POPULATION`, or known by this many names (world-known: Geneva has 60, Tours 31,
# Ilam 12), a capital or a country is known well enough to be read outside the countries the text
# names (a reading elsewhere is taken only on evidence of its own).
STRONG_NAMES = 40


def country_first(ranked: Ranked, focus: Sequence[str],
                  within: Containers) -> Ranked:
    """The readings in the countries the text names or implies, when it has any, plus the
    readings elsewhere that stand on evidence of their own (a qualifier that holds them, a
    capital, a city of a million or known worldwide): "Ilam" in a note about Nepal is not the Iranian city, and
    the larger namesake's population is no evidence that the text means it."""
    if not focus or not ranked:
        return ranked
    inside = [pair for pair in ranked if pair[0].country in focus or within.holds(pair[0])]
    if not inside or len(inside) == len(ranked):
        return ranked
    return [pair for pair in ranked if pair in inside or stands_alone(pair[0])]


def stands_alone(candidate: Candidate) -> bool:
    """Whether a reading is known well enough to be read on no evidence but its name: a country,
    a capital, a town of `STRONG_POPULATION` or one known by `STRONG_NAMES` names."""
    return (candidate.kind == "country" or candidate.capital or candidate.population >= STRONG_POPULATION
            or candidate.n_names >= STRONG_NAMES)


# A one-word name this short is shared by too many villages for another (foreign, old, transliterated)
# name of a famous town to say that town: "Bako" is written for Baku, "Dako" for Dhaka, "Tur" for
# Tours, but a note's "Bako" is far likelier a village the gazetteer lacks.
SHORT_NAME_LETTERS = 4
# A town read by another of its names, in a note that says no country at all, is taken only when the
# gazetteer knows it this big: a town, not a village or a place of unknown size abroad.
LONE_ALTERNATE_MIN_POPULATION = 10_000
# A short other name of a city this big is how news writes the city ("Hama" for Hamah, half a million
# people); below it (Nîmes, Tours) a short name in a note that says no country is likelier a village.
SHORT_ALTERNATE_MIN_POPULATION = 250_000


def is_short_name(name: str) -> bool:
    """One word of at most `SHORT_NAME_LETTERS` letters ("Tur", "Bako")."""
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) <= SHORT_NAME_LETTERS and not any(ch.isspace() for ch in name.strip())


def known_by_this_name(candidate: Candidate, name: str) -> bool:
    """Whether a reading stands on the name written (`stands_alone`), unless the name is only a
    short other name of it (`SHORT_NAME_LETTERS`): a famous town is known worldwide by its own names,
    not by every short spelling some language gives it."""
    return stands_alone(candidate) and (candidate.primary or not is_short_name(name))


def weak_lone_reading(mention: Mention, ranked: Optional[Ranked], name: str) -> bool:
    """Is the mention read, with nothing written beside it, only as a town by another (foreign, old or
    near-spelled) of its names, not known worldwide (`stands_alone`), and short
    (`SHORT_NAME_LETTERS`) or one word read by its transliteration skeleton only (not a name the
    gazetteer holds) as one of several towns, this one of unknown or village size
    (`LONE_ALTERNATE_MIN_POPULATION`; a skeleton of two words says far more than one, and one that
    fits a single town names it), or by another name the gazetteer holds of a town of that size that
    spells other sounds than its own (`same_sounds`: "Garsa" for a Garza)? In a note
    that says no country, such a reading is no evidence of a place abroad: "insecurity in Shadad" is
    not in a Syrian town once spelled so, "a farmer in Nimo" not in Nîmes. A short other name of a city
    of `SHORT_ALTERNATE_MIN_POPULATION` is how the world writes it: "near Hama" is Hamah."""
    if not ranked or mention.fits_qualifiers or mention.fallback or mention.admin_hint:
        return False
    best = ranked[0][0]
    return (best.kind == "city" and not best.primary and not stands_alone(best)
            and ((is_short_name(name) and best.population < SHORT_ALTERNATE_MIN_POPULATION)
                 or (mention.variant and " " not in name.strip()
                                         and best.population < LONE_ALTERNATE_MIN_POPULATION
                                         and len({c.geonames_id for c, _ in ranked}) > 1)
                 or (not mention.variant and best.population < LONE_ALTERNATE_MIN_POPULATION
                     and not same_sounds(name, best.name))))


def weak_part_reading(mention: Mention, ranked: Ranked | None) -> bool:
    """Is the mention only part of a longer name written ("Kati" of "Mutwanga Kati"), read as a town
    not known worldwide (`stands_alone`)? In a note that says no country, the longer name is a place
    the gazetteer lacks, not the town abroad that its last word happens to name (issue #23: a fuzzy
    match crosses into no country the text gives no sign of)."""
    if not ranked or not mention.partial or mention.fits_qualifiers or mention.fallback or mention.admin_hint:
        return False
    best = ranked[0][0]
    return best.kind == "city" and not stands_alone(best)


def resolve_mention(
    doc: Doc, mention: Mention, gazetteer: Gazetteer, focus: Sequence[str],
    ranked: Optional[Ranked] = None,
) -> Optional[Place]:
    ranked = ranked_readings(doc, mention, gazetteer, focus) if ranked is None else ranked
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
        _at_seat(ranked[0][0], gazetteer),
        span=(span.start_char, span.end_char),
        part=part,
        confidence=round(max(0.1, confidence), 2),
        written=None if mention.fallback else mention.name(doc),
    )


def _at_seat(best: Candidate, gazetteer: Gazetteer) -> Candidate:
    """A district read where its seat is: ACLED codes a district at its capital, and a district is
    mostly named after it ("Westpur district" at the town of Westpur). The gazetteer places some
    districts at their middle, far from any town; a town of the district's own name in the same
    region gives the seat's coordinates."""
    if best.kind != "admin2":
        return best
    key = normalise_name(best.name)
    seats = [c for c in gazetteer.lookup(best.name) if c.kind == "city" and c.country == best.country
             and c.admin1 == best.admin1 and normalise_name(c.name) == key]
    if not seats:
        return best
    seat = max(seats, key=lambda c: c.population)
    return replace(best, lat=seat.lat, lon=seat.lon, located=True)  # at its seat: a point of its own


def prefer_named_regions(mentions: Sequence[Mention], readings: Sequence[Optional[Ranked]],
                         facilities: Collection[int] = (), bases: Collection[tuple[str, str]] = ()
                         ) -> list[Optional[Ranked]]:
    """Among a village's namesakes, the one in a region the article names elsewhere ("clashes near Westwell
    ... in the Marshland region": the Westwell of that region, not a larger Westwell across the border).

    A region is named when a mention's best reading is that first-level region itself. Only a small place
    gives way (`_gives_way`), and a name fitted to its own qualifiers keeps its reading. The village takes,
    in this order: its reading inside a named region (`_inside_named`); a namesake near a town the note
    places for sure (`_near_placed_town`); or the one region the note names in its country, when that
    region holds none of its namesakes (`_sole_region`)."""
    regions = {(best.country, normalise_name(best.name)): ranked[0]
               for ranked in readings if ranked
               for best in [ranked[0][0]] if best.kind == "admin1" and best.country}
    towns = towns_regions(mentions, readings)
    if not regions and not towns and not bases:
        return list(readings)
    out: list[Optional[Ranked]] = []
    for index, (mention, ranked) in enumerate(zip(mentions, readings)):
        if not ranked or mention.fits_qualifiers or mention.fallback:
            out.append(ranked)
            continue
        # The regions the note names, and those of its other towns that are placed for sure.
        # A facility named after a town (`facilities`: "the X prison") is no village read with the note's towns.
        own = normalise_name(ranked[0][0].name)
        others = [(key, town) for other, name, key, town in towns if other != index and name != own]
        facility = index in facilities
        named = set(regions) | set(bases) | (set() if facility else {key for key, _ in others})
        if not _gives_way(ranked[0][0], named):
            out.append(ranked)
            continue
        chosen = _inside_named(mention, ranked, named) or (
            None if facility else _near_placed_town(ranked, [town for _, town in others]))
        if chosen:
            out.append(put_first(ranked, chosen))
        elif region := _sole_region(ranked, regions, named):
            mention.fallback = [(region[0].name, [region[0]])]
            out.append([region])
        else:
            out.append(ranked)
    return out


def _gives_way(best: Candidate, named: set[tuple[str, str]]) -> bool:
    """Whether a reading may give way to a namesake in a named region: a village or district outside
    every named region, no capital nor a place known worldwide, and under `MIN_POPULATION_WITHOUT_CUE`.
    A large or well-known town is read as itself wherever the note's other places lie."""
    return (best.kind in SETTLEMENT_KINDS and region_key(best) not in named and not stands_alone(best)
            and best.population < MIN_POPULATION_WITHOUT_CUE)


def _inside_named(mention: Mention, ranked: Ranked, named: set[tuple[str, str]]
                  ) -> Optional[tuple[Candidate, float]]:
    """The village's first reading inside a named region: a village of the region the note is about is
    the likeliest of its namesakes. A name the gazetteer holds only by other spellings ("Ceel Harar" for
    El Harar) has no reading of its own name anywhere, so each such reading is as much its own as the
    best one is."""
    best = ranked[0][0]
    return next((pair for pair in ranked if pair[0].kind in SETTLEMENT_KINDS and region_key(pair[0]) in named
                 and (pair[0].primary or (mention.variant and not best.primary))), None)


def _near_placed_town(ranked: Ranked, towns: Sequence[Candidate]) -> Optional[tuple[Candidate, float]]:
    """With no namesake in those regions, the first one near a town the note places for sure (just over
    a border from it): a report's places lie together, so not one far from every place the note names."""
    return next((pair for pair in ranked if pair[0].kind in SETTLEMENT_KINDS and pair[0].primary
                 and _near_any(pair[0], towns)), None)


def _sole_region(ranked: Ranked, regions: dict[tuple[str, str], tuple[Candidate, float]],
                 named: set[tuple[str, str]]) -> Optional[tuple[Candidate, float]]:
    """The one region the note names in the village's country, when it holds none of the village's
    namesakes: the village is one the gazetteer lacks, placed at the region (as a qualifier would place
    it), not at a namesake elsewhere in the country."""
    best = ranked[0][0]
    home = [key for key in regions if key[0] == best.country]
    if len(home) != 1 or not all(c.country == best.country and c.kind in SETTLEMENT_KINDS
                                 and region_key(c) not in named for c, _ in ranked):
        return None
    return regions[home[0]]


# A village this close to a town the note places for sure is read near it ("just over the border").
NEAR_TOWN_KM = 50.0


def _near_any(candidate: Candidate, towns: Sequence[Candidate]) -> bool:
    """Whether the reading lies within `NEAR_TOWN_KM` of one of the towns."""
    return any(km_apart(candidate, town) <= NEAR_TOWN_KM for town in towns)


def towns_regions(mentions: Sequence[Mention], readings: Sequence[Optional[Ranked]]
                  ) -> list[tuple[int, str, tuple[str, str], Candidate]]:
    """The regions of the note's towns that are placed for sure (mention index, the town's name, its
    (country, region), its reading): a town fitted to its qualifiers ("Westford, Marshland"), a well-known one, or one
    whose every reading is in one region. A village read at the same time as such a town ("shelling near
    Ivanivka and in Westford") is read in the town's region, as in a region the note names."""
    out = []
    for index, (mention, ranked) in enumerate(zip(mentions, readings)):
        if not ranked or mention.fallback:
            continue
        best = ranked[0][0]
        if best.kind not in SETTLEMENT_KINDS or not best.country or not best.admin1:
            continue
        key = region_key(best)
        if (mention.fits_qualifiers or best.population >= MIN_POPULATION_WITHOUT_CUE or stands_alone(best)
                or all(region_key(c) == key for c, _ in ranked)):
            out.append((index, normalise_name(best.name), key, best))
    return out


# Namesakes this far apart are in different parts of a country: a coin-flip between them is no reading.
SPREAD_NAMESAKES_KM = 150.0
# A place below this population is a village, no town of its own that a reader would take the name for.
MIN_TOWN_POPULATION = 1_000
UNDECIDED_NAMESAKES = ("{count} villages of this name in {country}, up to {spread:.0f} km apart, none a town, and "
                       "nothing else in the note says which: placed at the country")


def undecided_namesakes(mentions: Sequence[Mention], readings: Sequence[Optional[Ranked]],
                        gazetteer: Gazetteer, bases: Collection[tuple[str, str]] = ()) -> dict[int, tuple[Candidate, str]]:
    """The villages a note names alone whose namesakes nothing decides between (mention index -> the
    country's entry and why): "observers heard explosions near Westivka", with Westivkas all over the
    country, no region, town or other place in the note, and none of them a town. ACLED codes such a
    place at the country (precision 3) rather than at a village picked by chance."""
    out: dict[int, tuple[Candidate, str]] = {}
    for index, (mention, ranked) in enumerate(zip(mentions, readings)):
        if not ranked or mention.fits_qualifiers or mention.fallback or mention.variant:
            continue
        best = ranked[0][0]
        if best.kind != "city" or not best.primary or best.population >= MIN_TOWN_POPULATION or stands_alone(best):
            continue
        if region_key(best) in bases:
            continue  # read in the region its actors are named after (`prefer_named_regions`)
        own = normalise_name(best.name)
        same = [c for c, _ in ranked if c.kind == "city" and c.primary and c.country == best.country
                and normalise_name(c.name) == own]
        if len(same) < 2 or any(c.population >= MIN_TOWN_POPULATION for c in same):
            continue
        spread = max(km_apart(a, b) for a in same for b in same)
        if spread <= SPREAD_NAMESAKES_KM:
            continue
        # Another place in the note (other than the country itself, or this name again) could decide.
        if any(other and not (other[0][0].kind == "country" and other[0][0].country == best.country)
               and normalise_name(other[0][0].name) != own
               for j, other in enumerate(readings) if j != index):
            continue
        country = gazetteer.country(best.country)
        if country is None:
            continue
        out[index] = (country, UNDECIDED_NAMESAKES.format(count=len(same), country=country.name, spread=spread))
    return out


@functools.lru_cache(maxsize=1)
def _site_words() -> dict[str, str]:
    """Site words and the words that may stand before them (geo_site_words.csv), word -> role."""
    return {row["word"].casefold(): row["role"] for row in read_data_csv("geo_site_words.csv")}


def names_site(doc: Doc, mention: Mention) -> bool:
    """Is the name followed by a site's word ("Westmoor camp", "Eastbay IDP camp", "Kolo settlement")?"""
    words = _site_words()
    index = mention.name_end  # the site's word may be read as the name's kind word ("camp")
    while index < len(doc) and words.get(doc[index].lower_) == "before" and index < mention.name_end + 2:
        index += 1
    return index < len(doc) and words.get(doc[index].lower_) == "site"


def sites_at_home(doc: Doc, mentions: Sequence[Mention], readings: Sequence[Ranked | None],
                  others: Callable[[int], frozenset[str]]) -> list[Ranked | None]:
    """A camp, base or settlement named after a place ("Asir camp", "Oyo settlement") lies in the place it
    is named after in the country the rest of the note says (`others(index)`: the support without it),
    never in a region or town of that name abroad: its readings are kept to those countries, and it is
    read as no place when none is there (the note's other places then place it)."""
    out = list(readings)
    for index, (mention, ranked) in enumerate(zip(mentions, readings)):
        if not ranked or mention.fallback or mention.fits_qualifiers or not names_site(doc, mention):
            continue
        countries = others(index)
        if countries:
            out[index] = [(c, score) for c, score in ranked if c.country in countries] or None
    return out


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
    qualified_by: str | None = None
    landmark: bool = False  # names a street or neighbourhood ("Kohat road"), not the town itself
    reason: str | None = None  # why it was placed so, when it is not the best reading's own place


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
