"""What the names around a toponym say about which place it is: qualifiers and containers.

"Kibirizi (Walikale, Nord-Kivu)", "Lutuhyne, Luhansk": the names after a toponym, in brackets
or after a comma, say which region and country it is in (`link_qualifiers`). "Ariha in Idlib
province": a wider place it is written in does too (`link_containers`). Within a paragraph one
name is one place (`share_qualifiers`). A name the gazetteer does not know, or knows only
elsewhere, is placed at its qualifiers (`Mention.fallback`).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
from typing import Optional, Sequence

from spacy.tokens import Doc

from strife.datafiles import read_data_csv
from strife.extract import Layout, doc_lowers
from strife.extract.places.names import (
    HYPHENS,
    NAME_ARTICLES,
    NAME_JOINERS,
    NEVER_PLACE_LABELS,
    Mention,
    after_locative,
    bracketed_abbreviation,
    gazetteer_query,
    is_direction,
    is_name_token,
    is_wordlike,
    kind_feature,
    locality_words,
    object_of_attack,
    part_words,
    stop_words,
    trim_name,
)
from strife.extract.places.plausibility import MIN_POPULATION_WITHOUT_CUE, demonym_country, is_demonym
from strife.resolve.distance import km_apart
from strife.resolve.gazetteer_build import country_aliases
from strife.resolve.geocode import Candidate, Containers, Gazetteer, admin_words, of_feature
from strife.resolve.spellings import normalise_name


@functools.lru_cache(maxsize=1)
def country_abbreviations() -> frozenset[str]:
    """Countries' listed short forms ("DRC", "UAE", "US"), which may qualify a name as a region's may."""
    return frozenset(normalise_name(row["alias"]) for row in country_aliases())


# "Kibirizi (Walikale, Nord-Kivu)": at most this many qualifying names, of at most this many tokens.
MAX_QUALIFIERS = 4
MAX_QUALIFIER_TOKENS = 6


def link_qualifiers(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Names that qualify the one before them are not places of their own.

    "Lutuhyne, Luhansk", "Kibirizi (Walikale, Nord-Kivu)", "Rampur, Bareilly (UP)": the names
    after a toponym, in brackets or after a comma, say which region and country it is in. The
    toponym keeps their readings (`Mention.qualifiers`) to pick its own; a toponym the gazetteer
    does not know, or whose readings all lie elsewhere, is placed at its most specific qualifier
    (`Mention.fallback`). A comma list of places ("Aleppo, Idlib and Hama") is not a qualification.
    """
    consumed: set[int] = set()
    added: list[Mention] = []
    replaced: set[int] = set()  # ids of mentions a wider unknown name took over
    starts = [m.start for m in mentions]
    words = doc_lowers(doc)  # a bracket or comma is its own lower-cased form; no Token made per word
    for opener in range(1, len(doc)):
        if words[opener] not in ("(", ",") or opener in consumed:
            continue
        run = _head_run(doc, opener)
        if run is None:
            continue
        segments, chain_end = _qualifier_segments(doc, opener)
        if not segments or _abbreviates_head(doc, opener, segments):
            continue
        readings = _qualifiers_as_regions(doc, run, segments, _segment_readings(doc, segments, gazetteer))
        if not any(readings):
            continue
        head = _last_mention_in(mentions, starts, run[0], opener, replaced)
        qualifiers = [c for chosen in readings for c in chosen]
        containers = Containers.of(qualifiers)
        bracketed = doc[opener].text == "("
        listing = not bracketed and _continues_a_list(doc, chain_end)
        if head is not None and any(_held_near(containers, qualifiers, c) for c in head.candidates):
            head.qualifiers, head.fits_qualifiers, head.cue = qualifiers, True, True
        elif listing or not (bracketed or _regional(readings[-1]) or _town_qualifies(head)):
            continue
        elif head is None or head.partial or head.variant or head.start > run[0] or head.name_end < run[1]:
            # "Ota Sarangpur, Devikhet (Uttarakhand)": the name is not "Ota" in Japan but a village the
            # gazetteer may know by another spelling, inside the qualifiers; else it is placed at them.
            if not _unknown_head_allowed(doc, run, bracketed, opener):
                continue
            if head is not None:
                replaced.add(id(head))
            variants = [c for c in gazetteer.lookup_variants(doc[run[0] : run[1]].text)
                        if _held_near(containers, qualifiers, c)]
            added.append(
                Mention(run[0], chain_end, from_entity=False, name_end=run[1], cue=True, candidates=variants,
                        variant=True, qualifiers=qualifiers, fits_qualifiers=True)
                if variants else
                Mention(run[0], chain_end, from_entity=False, name_end=run[1], cue=True,
                        fallback=_fallback_chain(doc, segments, readings))
            )
        else:
            # "Aktove, Donetsk" with only a Mykolaiv Aktove known: the village is in Donetsk. A
            # qualifier in none of the name's countries is more likely misread than the name.
            countries = {c.country for c in head.candidates}
            narrowed = [[c for c in chosen if c.country in countries] for chosen in readings]
            if not any(narrowed):
                country_named = _names_its_country(readings)
                if not (bracketed or country_named or _names_its_region(readings)) or (
                        _well_known_region(head) if country_named
                        else _well_known(head) and not _written_as_village(doc, head)):
                    continue  # a country written after a town yields only to a region or country of that name
                # A large town abroad written as a village ("Westpur village, Eastland") is only the
                # village's namesake: the region after the comma says where the village is.
                # "Qibyah (Juban, Ad Dali)", "Las Palmas, Ruritania", "Gidankwa, Zamfara": brackets, or a
                # country or region written by its own name after the comma, say where the village is,
                # whatever its namesakes.
                narrowed = readings
            if not _written_as_village(doc, head) and _town_over_its_region(head, narrowed):
                head.cue = True  # a place, as its region says, though not in that region
                consumed.update(range(opener, chain_end))
                continue
            head.fallback, head.end = _fallback_chain(doc, segments, narrowed), chain_end
        consumed.update(range(opener, chain_end))
    kept = [m for m in mentions if id(m) not in replaced
            and (not (set(range(m.start, m.end)) & consumed) or m.fallback or m.fits_qualifiers)]
    return sorted(kept + added, key=lambda m: m.start)


# Words allowed between a place and the place that contains it: "Dardara in the countryside of Ras Al Ain",
# "Zelenahorsk of the Gomel region", "Khirbat Umran town in Ar-Raqqa eastern countryside".
CONTAINER_PREPOSITIONS = frozenset({"in", "of", "under"})  # "Kalitala village under Sonarhat upazila"
MAX_CONTAINER_GAP = 6


def link_containers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A place written "in" or "of" a wider one is inside it: "Kfar Sammar in the Wadi Tayyim District".

    Like a qualification in brackets, the wider name picks the reading of the narrower one
    ("Ariha in Idlib province" is the Syrian Ariha, not Jericho); the wider name stays a place
    of its own. A narrower name with no reading inside it (a village the gazetteer lacks, known
    only by a namesake elsewhere) is placed at the wider one (`Mention.fallback`).
    """
    for index in reversed(range(len(mentions) - 1)):  # widest first: "A in B in C"
        mention, wider = mentions[index], _past_possessor(doc, mentions, index + 1)
        if mention.fits_qualifiers or mention.fallback:
            continue
        if _region_written_after(mention, wider):
            continue
        if not _contained_by(doc, mention, mentions[index + 1]):  # "in Ukraine's X region": in the country's unit
            continue
        readings = _region_over_hamlets(_country_over_alternates(_own_readings(wider)))
        if not readings and _placed_as_wider(doc, mention, wider):
            mention.fallback = list(wider.fallback)
            continue
        containers = Containers.of(readings)
        if not containers:
            continue
        if any(containers.holds(c) for c in mention.candidates):
            mention.qualifiers, mention.fits_qualifiers, mention.cue = readings, True, True
        elif not {c.country for c in mention.candidates} & {c.country for c in readings}:
            if not _well_known(mention) or _written_as_village(doc, mention):
                # a namesake in another country: the village is the wider place's (a town abroad,
                # however large, when the text calls it a village: "Westpur village in Eastkot tehsil")
                mention.fallback = [(gazetteer_query(doc, wider), _in_namesakes_countries(mention, readings))]
        elif _far_from_named_unit(doc, mention, wider, readings) and not is_demonym(mention.name(doc)):
            # A namesake far from the unit or town the text names in its own country: the village
            # or quarter is the wider place's, which the gazetteer lacks, however large the namesake
            # (not a country's adjective: "the Iraqi city of Basra" names the city itself).
            mention.fallback = [(gazetteer_query(doc, wider), _in_namesakes_countries(mention, readings))]
    return mentions


def _placed_as_wider(doc: Doc, mention: Mention, wider: Mention) -> bool:
    """Is a village placed where the unit it is written in is placed, that unit known only by the
    places written after it? "Westpur village of Eastkot tehsil, Northvale": a tehsil whose only
    reading lies outside the district is placed at the district (`Mention.fallback`), and so is a
    village of it known only by namesakes in other countries, never at a namesake abroad."""
    if not wider.fallback:
        return False
    if {c.country for c in mention.candidates} & {c.country for c in wider.candidates}:
        return False
    return not _well_known(mention) or _written_as_village(doc, mention)


# Words that call a name a village, after it ("Westpur village") or before "of" ("the village of Westpur").
VILLAGE_WORDS = frozenset({"village", "villages", "hamlet"})


def _written_as_village(doc: Doc, mention: Mention) -> bool:
    """Is the name written as a village's, by a village word right after it or before "of" just before it?"""
    after = mention.name_end or mention.end
    if after < mention.end and doc[after].lower_ in VILLAGE_WORDS:
        return True
    return mention.start >= 2 and doc[mention.start - 1].lower_ == "of" and doc[mention.start - 2].lower_ in VILLAGE_WORDS


def _in_namesakes_countries(mention: Mention, readings: Sequence[Candidate]) -> list[Candidate]:
    """The wider place's readings where the narrower name's namesakes are: a village's namesakes do
    not say where it is, but they say whose names it is written in. "Westnagar of X district",
    where X names a district in two countries, is of the X in the country where villages are named
    like it (or near that country's border), not of its namesake in another country, where none is. Those in a country of the
    namesakes, else those within NAMESAKE_REACH_KM of one, else all."""
    countries = {c.country for c in mention.candidates}
    same = [r for r in readings if r.country in countries]
    if same:
        return same
    near = [r for r in readings if any(km_apart(r, c) <= NAMESAKE_REACH_KM for c in mention.candidates)]
    return near or list(readings)


def link_demonym_places(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """"The Malian town of Westpur", "a Nigerian village of Eastkoro": a country's adjective before a
    kind word and "of" says which country the named place is in (and is no place named "Malian").
    The place keeps its readings in that country (`Mention.qualifiers`) or, with none there (a
    village the gazetteer lacks, known only by a namesake abroad), is placed at the country
    (`Mention.fallback`), never at the namesake. A mention made of the adjective goes."""
    dropped: set[int] = set()
    for place in mentions:
        if place.fits_qualifiers or place.fallback:
            continue
        if (found := _demonym_before(doc, place.start)) is not None:
            country, at = found
            dropped.update(i for i, m in enumerate(mentions) if m.start <= at < m.end)
            fall_back = not _well_known(place)
        elif (country := _possessor_country(doc, place, mentions)) is not None:
            fall_back = not _well_known(place) or _compass_name(doc, place)
        else:
            continue
        container = gazetteer.country(country)
        if container is None:
            continue
        readings = [container]
        if not any(c.country == country for c in place.candidates) and (
            units := _compass_units(doc, place, country, gazetteer)
        ):
            place.fallback, place.cue = [(units[0].name, units)], True  # the unit, by its name there
        elif any(c.country == country for c in place.candidates):
            place.qualifiers, place.fits_qualifiers, place.cue = readings, True, True
        elif fall_back:
            place.fallback, place.cue = [(container.name, readings)], True
    return [m for i, m in enumerate(mentions) if i not in dropped]


def _possessor_country(doc: Doc, place: Mention, mentions: Sequence[Mention]) -> Optional[str]:
    """The country of "<Country>'s [compass words] <name> region|state|province..." ("Burkina Faso's
    northern Sahel region", "Nigeria's north-eastern Borno state"): a unit written as a country's is
    a unit of that country. Only a unit written with its kind word; None otherwise."""
    if place.feature not in ("admin1", "admin2"):
        return None
    j = place.start - 1
    while j >= 0 and (doc[j].text in HYPHENS or is_direction(doc[j].lower_)):
        j -= 1
    if j < 1 or doc[j].lower_ not in ("'s", "’s"):
        return None
    for mention in mentions:
        if mention.name_end == j:
            countries = {c.country for c in mention.candidates if c.kind == "country" and c.primary}
            return countries.pop() if len(countries) == 1 else None
    return None


@functools.lru_cache(maxsize=1)
def compass_names() -> dict[str, tuple[str, ...]]:
    """compass word -> other ways units' names write it (geo_compass_names.csv)."""
    found: dict[str, list[str]] = {}
    for row in read_data_csv("geo_compass_names.csv"):
        found.setdefault(row["word"].casefold(), []).append(row["written"])
    return {word: tuple(written) for word, written in found.items()}


def _compass_units(doc: Doc, place: Mention, country: str, gazetteer: Gazetteer) -> list[Candidate]:
    """The country's first-level units a compass name written in English is another writing of
    ("Burkina Faso's Centre-North region" is its "Centre-Nord"), or none."""
    words = [t.lower_ for t in doc[place.start : place.name_end] if t.text not in HYPHENS]
    table = compass_names()
    if not words or not all(w in table or w in part_words() for w in words) or not any(w in table for w in words):
        return []
    options = [(w, *table.get(w, ())) for w in words]
    names = {joiner.join(choice) for choice in itertools.product(*options) for joiner in ("-", " ")}
    return [c for name in sorted(names) for c in gazetteer.lookup(name) if c.kind == "admin1" and c.country == country]


def _compass_name(doc: Doc, place: Mention) -> bool:
    """Is the unit's name a compass word ("North region", "Northwest region"), which many countries
    use for their own units and which names none in particular?"""
    words = [t.lower_ for t in doc[place.start : place.name_end] if t.text not in HYPHENS]
    return bool(words) and all(is_direction(w) for w in words)


def _demonym_before(doc: Doc, start: int) -> Optional[tuple[str, int]]:
    """The country, and the adjective's token, of "<country's adjective> <kind word> of" written
    right before token `start` ("the Malian town of"), or None."""
    at = start - 3
    if at < 0 or doc[start - 1].lower_ != "of" or kind_feature(admin_words().get(doc[start - 2].lower_)) is None:
        return None
    country = demonym_country(doc[at].text)
    return (country, at) if country else None


def _past_possessor(doc: Doc, mentions: Sequence[Mention], at: int) -> Mention:
    """The wider place a name is written in: "in Ukraine's Westmarsh region" puts a village in the
    region, which the country's name before "'s" says the country of; the mention at `at` otherwise.
    Only a unit written with its kind word ("region", "province") is taken so, compass words allowed
    between ("Nigeria's north-eastern Borno state")."""
    country = mentions[at]
    if at + 1 >= len(mentions) or not any(c.kind == "country" for c in country.candidates):
        return country
    unit = mentions[at + 1]
    gap = doc[country.end : unit.start]
    if (not len(gap) or gap[0].lower_ not in ("'s", "’s", "'") or unit.feature not in ("admin1", "admin2")
            or not all(t.lower_ in part_words() or t.text == "-" for t in gap[1:])):
        return country
    return unit


def _region_over_hamlets(readings: list[Candidate]) -> list[Candidate]:
    """A wider place read both as a region and as small villages only ("in central Sinai": Egypt's
    North Sinai, or hamlets called Sinai in Mexico and Ecuador) is the region: a text names a small
    village to hold another place no more than it names a hamlet abroad as a place of its own."""
    regions = [c for c in readings if c.kind in ("admin1", "admin2")]
    if regions and all(c.kind != "city" or c.population < MIN_POPULATION_WITHOUT_CUE for c in readings):
        return regions
    return readings


def _country_over_alternates(readings: list[Candidate]) -> list[Candidate]:
    """A wider place that is a country by its own name is that country ("the Kurdistan region of
    Iraq"), not a town abroad that bears the name only as an alternate (Arak, once "Iraq")."""
    countries = [c for c in readings if c.kind == "country" and c.primary]
    if not countries:
        return readings
    return [c for c in readings if c.primary]


def _region_written_after(mention: Mention, wider: Mention) -> bool:
    """A region's name written right after a town's, with no comma ("in Nasirpur Westshire"), says
    which of the town's readings is meant, as a comma would: the town keeps those inside the region.
    Only a region (every reading a first-level region or a country) qualifies so, and only when
    one of the town's readings lies inside it; returns whether it did."""
    if wider.start != mention.end or not wider.candidates:
        return False
    readings = _own_readings(wider)
    if not readings or any(c.kind not in ("admin1", "country") for c in readings):
        return False
    containers = Containers.of(readings)
    if not any(containers.holds(c) for c in mention.candidates):
        return False
    mention.qualifiers, mention.fits_qualifiers, mention.cue = readings, True, True
    return True


# A district this near a village's namesake (across a border) is written in the namesakes' language.
NAMESAKE_REACH_KM = 1000.0
# A reading this far from every reading of the district or region the text puts it in is a namesake.
FAR_FROM_UNIT_KM = 150.0
# A village written in a town's area ("under Westvale police station area", "in the Westvale area") is
# within this of the town: a reading farther away is a namesake.
AREA_OF_TOWN_KM = 60.0
# A place written "in Y city" is a quarter of that city: a reading farther than this from it is a namesake.
CITY_QUARTER_KM = 30.0
# At most this many capitalised words may go on after a narrower name before "in" (`_contained_by`).
MAX_NAME_GOES_ON = 2


def _far_from_named_unit(doc: Doc, mention: Mention, wider: Mention, readings: Sequence[Candidate]) -> bool:
    """Is the wider place written as a unit or town ("of Lungkhai district", "in Dikwa LGA", "in
    Nagpur city"), or the narrower as a village or town in it, and every reading of the narrower
    name far from it? "Bhimpur village of Lungkhai district" is not the Bhimpur 2,000 km away in
    the same country: it is a village of that district; "Raipur in Nagpur city" is a quarter of
    Nagpur, however large a namesake town elsewhere. A region or country is never such a village."""
    if wider.feature not in ("admin1", "admin2", "city") and mention.feature != "city":
        return False
    if any(c.kind in ("country", "admin1") and c.primary for c in mention.candidates):
        return False  # a region or country is not a village of the unit
    far = CITY_QUARTER_KM if wider.feature == "city" else FAR_FROM_UNIT_KM
    if _names_an_area(doc, wider):
        far = min(far, AREA_OF_TOWN_KM)
    return all(km_apart(c, r) > far for c in mention.candidates for r in readings)


def _names_an_area(doc: Doc, wider: Mention) -> bool:
    """Is the wider name written as the area of a town, a locality word after it ("Westvale police
    station area", "Westvale area"), rather than a unit of its own?"""
    after = wider.name_end or wider.end  # the kind word may be read into the mention ("Westvale area")
    return after < len(doc) and wider.feature is None and doc[after].lower_ in locality_words()


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
    """Is `wider` written as containing `mention`: "in"/"of" then only articles, direction and area words?

    The narrower name may be the first word of a longer one the gazetteer lacks ("Eastpur Bandh in
    Northtown city": the embankment named after the quarter is in the city, and so is the quarter)."""
    gap = doc[mention.end : wider.start]
    lead = 0  # "Parkvale police station area of Westvale": the kind of part comes before "of"
    if mention.partial:
        while lead < min(len(gap) - 1, MAX_NAME_GOES_ON) and is_name_token(gap[lead]) and gap[lead].is_title:
            lead += 1
    while lead < len(gap) - 1 and gap[lead].lower_ in locality_words():
        lead += 1
    gap = gap[lead:]
    if not 0 < len(gap) <= MAX_CONTAINER_GAP or gap[0].lower_ not in CONTAINER_PREPOSITIONS:
        return False
    allowed = CONTAINER_PREPOSITIONS | {"the", "rural"} | set(part_words()) | set(admin_words())
    return all(token.lower_ in allowed for token in gap)


def _held_near(containers: Containers, qualifiers: Sequence[Candidate], candidate: Candidate) -> bool:
    """Is the candidate inside the qualifiers, and near the district or town among them where one is
    written? "Westpur, district Northvale" is no Westpur across Northvale's state: a reading farther
    than FAR_FROM_UNIT_KM from every located district or town of the qualifiers in its own region is a
    namesake (a region's namesake town or district says nothing of where its villages are, nor does a
    reading of the qualifier in another region, "Municipio Eastvale" for "Eastvale state", or by one of
    its other names, an old name of a town that its region now bears)."""
    if not containers.holds(candidate):
        return False
    regional = {normalise_name(q.name) for q in qualifiers if q.kind == "admin1"}
    regional |= {normalise_name(q.admin1) for q in qualifiers if q.admin1}
    units = [q for q in qualifiers if q.kind in ("admin2", "city") and q.located and q.primary
             and q.country == candidate.country and q.admin1 == candidate.admin1
             and normalise_name(q.name) not in regional]
    return not units or candidate.kind in ("admin1", "country") or any(
        km_apart(candidate, unit) <= FAR_FROM_UNIT_KM for unit in units)


def _well_known(mention: Mention) -> bool:
    """A city, region or country big enough that it cannot be a village's namesake, by the name
    written: a large town abroad known by it only as one of its other names (a Chinese city's short
    alternate name) is no more than a village's namesake ("near Kotli in Marobi district" is the village of the district)."""
    return _well_known_region(mention) or any(
        c.kind == "city" and c.primary and c.population >= MIN_POPULATION_WITHOUT_CUE for c in mention.candidates)


# A town this large, the only place of its name in the country, is read as itself after a region that
# does not hold it ("Westport (Eastland)"): no village of the region is known by its name.
MIN_SOLE_TOWN_POPULATION = 10_000


def _town_over_its_region(head: Mention, readings: Sequence[Sequence[Candidate]]) -> bool:
    """A well-known town qualified by a region of its country that does not hold it ("Westpur, Eastland"
    for the one large Westpur, in Northland): the writer slipped on the province, which is written from
    memory, not on the town, which is copied from the report. Only when the qualifiers name a region or the
    country and no district (a district written with them is the writer's own reading of the place) and the
    country has one well-known town of that name (`MIN_POPULATION_WITHOUT_CUE`), or one place of that name
    at all and that a town (`MIN_SOLE_TOWN_POPULATION`): a name the country's villages share is as often
    a village's in the region named, and a name written as a village's ("Westpur village") is one; those
    are placed at the region. The qualifiers are those read in the town's country."""
    qualifiers = [c for chosen in readings for c in chosen]
    regions = [c for c in qualifiers if c.kind in ("admin1", "country")]
    countries = {c.country for c in regions}
    if not regions or len(countries) != 1 or any(c.kind not in ("admin1", "country", "city") for c in qualifiers):
        return False  # a town of the region's name ("Bihar Sharif" for Bihar) is the region's, not a district
    towns = [c for c in head.candidates if c.kind == "city" and c.primary and c.country in countries]
    large = [c for c in towns if c.population >= MIN_POPULATION_WITHOUT_CUE]
    return len(large) == 1 or (len(towns) == 1 and towns[0].population >= MIN_SOLE_TOWN_POPULATION)


def _well_known_region(mention: Mention) -> bool:
    """A region or country by the name written ("Texas, USA" is a list or a region, never a village)."""
    return any(c.kind in ("country", "admin1") and c.primary for c in mention.candidates)


def _abbreviates_head(doc: Doc, opener: int, segments: Sequence[tuple[int, int, int]]) -> bool:
    """Is the bracket the short form of the name before it ("Westvale Institute of Technology
    (Wit)"), not the place that name is in?"""
    return (doc[opener].text == "(" and len(segments) == 1 and segments[0][1] - segments[0][0] == 1
            and bracketed_abbreviation(doc, segments[0][0]))


def _head_run(doc: Doc, opener: int) -> Optional[tuple[int, int]]:
    """The capitalised name just before a bracket or comma (up to two kind words after it skipped:
    "Bhimber sector area (Kupwara district, J&K)"): (start, end)."""
    end = opener
    for _ in range(2):
        if end > 0 and doc[end - 1].lower_ in admin_words():
            end -= 1
    start = end
    while start > 0 and (
        is_name_token(doc[start - 1])
        or (doc[start - 1].lower_ in NAME_JOINERS and start > 1 and is_name_token(doc[start - 2]))
    ):
        start -= 1
    while start < end and doc[start].is_lower and doc[start].lower_ in NAME_JOINERS:
        start += 1
    return (start, end) if start < end and end - start <= MAX_QUALIFIER_TOKENS else None


def _qualifier_segments(doc: Doc, opener: int) -> tuple[list[tuple[int, int, int]], int]:
    """Names after the opener, each (start, name_end, end); and where the qualification ends.

    "( A , B )" takes every comma-separated name up to the closing bracket; ", A , B" takes
    capitalised names while commas join them, and a bracket after them ("Rampur, Bareilly (UP)").
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
            trimmed = trim_name(doc, start, i) if start < i else None
            if trimmed is None or i - start > MAX_QUALIFIER_TOKENS or not any(is_wordlike(t) for t in doc[start:i]):
                return [], opener
            segments.append((trimmed[0], trimmed[1], i))
            start = i + 1
            if doc[i].text == ")":
                return segments, i + 1
        elif doc[i].text in ("(", ".", ";") or doc[i].is_digit:
            break
    return [], opener


def _gloss_word(token) -> bool:
    """A lower-case English word that opens a bracket glosses the name before it; an article of a
    transliterated name ("al-Qarniyah") does not (`_name_run_at` reads the same way)."""
    return token.is_lower and token.lower_.split("-")[0] not in NAME_ARTICLES


def _name_run_at(doc: Doc, start: int) -> Optional[tuple[int, int, int]]:
    """A capitalised name starting at `start`, with a kind word after it: (start, name_end, end).

    A lowercase first word must be an article of a transliterated name ("al-Qarniyah"), not an
    English word that only joins names inside one ("on Monday" is no name)."""
    if _unit_word_first(doc, start):
        start += 1  # "Westpur, tehsil Eastkot, district Northvale": the kind word before the name
    elif start < len(doc) and doc[start].is_lower and doc[start].lower_ not in NAME_ARTICLES:
        return None
    end = start
    while end < len(doc) and end - start < MAX_QUALIFIER_TOKENS and (
        is_name_token(doc[end])
        or (doc[end].lower_ in NAME_JOINERS and end + 1 < len(doc) and is_name_token(doc[end + 1]))
    ):
        end += 1
    if end == start:
        return None
    if end - start > 1 and doc[end - 1].lower_ in admin_words():
        return start, end - 1, end  # "Rakhine State", "Okpanu LGA"
    name_end = end
    if end < len(doc) and doc[end].lower_ in admin_words():
        end += 1
    return start, name_end, end


# Unit words a South Asian address writes before the unit's name ("village Westpur, tehsil Eastkot,
# district Northvale"): a unit's kind, not a town's (no "town", "village" or "area").
UNIT_WORDS_FIRST = frozenset({"district", "tehsil", "taluka", "taluk", "upazila", "upazilla", "subdivision",
                              "sub-division", "mandal", "block", "province", "division", "agency", "county"})


def _unit_word_first(doc: Doc, start: int) -> bool:
    """Does a unit's kind word open the name at `start`, a capitalised name right after it?"""
    return (start + 1 < len(doc) and doc[start].lower_ in UNIT_WORDS_FIRST and doc[start].is_lower
            and is_name_token(doc[start + 1]) and not doc[start + 1].is_lower)


def _segment_kind_word(doc: Doc, start: int, name_end: int, end: int) -> Optional[str]:
    """The kind word of a qualifying name: after it ("Okpanu LGA"), else before it ("district Northvale")."""
    if name_end < end:
        return doc[name_end].lower_
    if start > 0 and _unit_word_first(doc, start - 1):
        return doc[start - 1].lower_
    return None


def _segment_readings(doc: Doc, segments: Sequence[tuple[int, int, int]], gazetteer: Gazetteer) -> list[list[Candidate]]:
    """Each qualifying name's readings, narrowed to those inside the names after it.

    Read from the last (widest) name back: "Niger" in "(Okpanu LGA, Niger)" keeps both the state
    and the country; "Santa Ana (Santa Ana)" keeps every Santa Ana here (`_qualifiers_as_regions` then
    keeps the regions). A stop-listed word ("Central",
    "Sahel") qualifies only as a region or country.
    """
    readings: list[list[Candidate]] = [[] for _ in segments]
    wider: list[Candidate] = []
    for index in range(len(segments) - 1, -1, -1):
        start, name_end, end = segments[index]
        name = doc[start:name_end].text
        kind_word = _segment_kind_word(doc, start, name_end, end)
        feature = kind_feature(admin_words().get(kind_word)) if kind_word else None
        candidates = gazetteer.lookup_kind_named(doc[start:end].text, name, feature)
        if name.isupper() and len(name) <= 4 and not all(c.kind == "admin1" for c in candidates) and (
                normalise_name(name) not in country_abbreviations()):
            continue  # "(IS)": abbreviations qualify only as a region's or a country's listed alias ("UP", "DRC")
        if normalise_name(name) in stop_words():
            candidates = [c for c in candidates if c.kind in ("admin1", "country")]
        if feature:
            candidates = of_feature(candidates, feature)  # "Merida state"
        containers = Containers.of(wider)
        if not candidates and containers:
            # "(Kharbagh district, J&K)": GeoNames writes Kharbag; another spelling inside the wider names counts.
            candidates = of_feature([c for c in gazetteer.lookup_variants(name) if containers.holds(c)], feature)
        elif not candidates and index == len(segments) - 1 and not _gloss_word(doc[start]):
            # "(Al Jabal Al Akhdhar)": the widest name by another spelling, if a region's; not a
            # lower-case gloss ("the Zarvek (alms) committee"), which is no name to respell.
            candidates = [c for c in gazetteer.lookup_variants(name) if c.kind in ("admin1", "admin2", "country")]
        if not candidates and kind_word:
            candidates = _seat_of_compass_unit(doc, start, name_end, kind_word, gazetteer)
        inside = [c for c in candidates if containers.holds(c)] if containers else []
        readings[index] = inside or candidates
        wider = wider + readings[index]
    return readings


@functools.lru_cache(maxsize=1)
def compass_unit_countries() -> dict[str, frozenset[str]]:
    """kind word -> the countries that name units of that kind after a town and a compass word (geo_compass_units.csv)."""
    return {row["kind"]: frozenset(row["countries"].split("|")) for row in read_data_csv("geo_compass_units.csv")}


def _seat_of_compass_unit(doc: Doc, start: int, name_end: int, kind_word: str,
                          gazetteer: Gazetteer) -> list[Candidate]:
    """The seat town of a unit the gazetteer lacks, named after the town and a compass word ("Westpur
    East county", "Eastkot North locality": South Sudan's counties, Sudan's localities): the unit is
    the town's quarter of the land around it, placed at the town. Only a town or district of one country,
    one that names units of that kind so (`compass_unit_countries`)."""
    countries = compass_unit_countries().get(kind_word, frozenset())
    bare = name_end
    while bare > start + 1 and is_direction(doc[bare - 1].lower_):
        bare -= 1
    if bare == name_end:
        return []
    towns = [c for c in gazetteer.lookup(doc[start:bare].text) if c.kind in ("city", "admin2")]
    if len({c.country for c in towns}) != 1 or towns[0].country not in countries:
        return []
    # read as the unit it names, at its seat, as the index puts a division it knows
    return [c if c.kind == "admin2" else dataclasses.replace(c, kind="admin2") for c in towns]


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
            # "San Miguel de Tlalixco, Veracruz" is the state (and its capital), not a Veracruz in Chiapas.
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


def _town_qualifies(head: Optional[Mention]) -> bool:
    """Does a town after a comma say where the name before it is ("Maliwag, Santa Lucia City")? Only
    for a name the gazetteer knows as small places elsewhere, not two well-known towns listed
    ("Aleppo, Homs")."""
    return head is not None and bool(head.candidates) and not _well_known(head)


def _names_its_country(readings: Sequence[Sequence[Candidate]]) -> bool:
    """Is the last qualifying name a country by its own name: "X, Mexico" says the country outright."""
    return bool(readings) and any(c.kind == "country" and c.primary for c in readings[-1])


def _names_its_region(readings: Sequence[Sequence[Candidate]]) -> bool:
    """Is the last qualifying name a region by its own name: a first-level one ("X, Ouham-Pende"),
    or a district no town shares the name of ("X, North Westmarsh"; a district named after its
    seat town may be the town, a comma list of towns)?"""
    return bool(readings) and any(c.kind == "admin1" and c.primary for c in readings[-1]) or (
        bool(readings) and any(c.kind == "admin2" and c.primary for c in readings[-1])
        and not any(c.kind == "city" for c in readings[-1]))


def _regional(readings: Sequence[Candidate]) -> bool:
    """Can the last qualifying name be a region or country (what a comma qualification names)?"""
    return any(c.kind in ("admin2", "admin1", "country") for c in readings)


def _continues_a_list(doc: Doc, end: int) -> bool:
    """"Aleppo, Idlib and Hama": the names after a comma go on as a list of places."""
    if end < len(doc) and doc[end].text == ",":
        # "Kabul, Ghor, Laghman, and Balkh" goes on; "Donetsk, on Monday" ends the names.
        return end + 1 < len(doc) and (is_name_token(doc[end + 1]) or doc[end + 1].lower_ in ("and", "or"))
    return end < len(doc) and doc[end].lower_ in ("and", "or", "&")


def _unknown_head_allowed(doc: Doc, run: tuple[int, int], bracketed: bool, opener: int) -> bool:
    """A name the gazetteer does not know is a place when qualified in brackets, after a locative
    cue or a verb of attack ("militants raided Westvale, Lower Juba": what is raided is a place, as
    what is "in" is), or written with a kind word before the comma ("attacked Westvale village, Lower Juba")."""
    if any(t.ent_type_ in NEVER_PLACE_LABELS for t in doc[run[0] : run[1]]):
        return False
    if normalise_name(doc[run[0] : run[1]].text) in stop_words():
        return False
    return bracketed or after_locative(doc, run[0]) or run[1] < opener or object_of_attack(doc, run[0], run[1])


def _fallback_chain(
    doc: Doc, segments: Sequence[tuple[int, int, int]], readings: Sequence[list[Candidate]]
) -> list[tuple[str, list[Candidate]]]:
    """Qualifying names, most specific first, each with the readings of the names after it."""
    chain = []
    for index, (start, name_end, end) in enumerate(segments):
        if readings[index]:
            wider = [c for later in readings[index + 1 :] for c in later]
            text = doc[start:end].text  # with its kind word: "Santa Lucia City", "Marib governorate"
            if all(c.kind == "admin2" and not _names_reading(doc, start, name_end, c) for c in readings[index]):
                text = readings[index][0].name  # a compass unit read at its seat (`_seat_of_compass_unit`)
            chain.append((text, wider))
    return chain


def _names_reading(doc: Doc, start: int, name_end: int, candidate: Candidate) -> bool:
    """Is the candidate read by the name as written, not the seat of a unit that the name, ending in a
    compass word, calls a quarter of it ("Westpur East" read at Westpur)?"""
    return normalise_name(doc[start:name_end].text) == normalise_name(candidate.name) or not is_direction(
        doc[name_end - 1].lower_)


def without_village_name_heads(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A village's name of two words whose first word alone is a place elsewhere ("Eastport Para
    village under Westganj upazila", "Lisbon Kot village of Northpur tehsil"): the first word is no
    place of its own but part of the village's name, which is placed in the unit it is written in
    (`Mention.fallback`, or its reading there), never at the town abroad that word names."""
    kept = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (mention.partial and following is not None and following.start == mention.end
                and (following.fallback or following.fits_qualifiers) and _written_as_village(doc, following)):
            continue
        kept.append(mention)
    return kept


def share_qualifiers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One name, one place within a paragraph: "an arson attack in Kartal industrial zone in Kartal,
    Istanbul" is one Kartal, the one its qualifier says, not a Kartal elsewhere for its first mention."""
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
