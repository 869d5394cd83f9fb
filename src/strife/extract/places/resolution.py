"""From mentions to places: an article's toponyms resolved, then checked against the rest of the article.

`explain_places` reads an article once (its mentions and focus votes), resolves every plausible
mention in the focus the rest of the article gives it, then applies what only the whole article
says: metonyms and countries used as attributes are not locations; a small namesake in a country
nothing else supports is not where the event was ("Zesso" read in Côte d'Ivoire in an article
about Mali); a place people came from yields to its sentence's other places ("migrants from
Bihar ... in Rewa"); an article with no usable toponym is placed as far as it says (`unplaced`:
where its organisations are named after, else where its actors say).
`find_places` gives the places alone; `places_and_focus` also the focus, for the places stage.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Collection, Optional, Sequence

from spacy.tokens import Doc, Span

from strife.extract import doc_text
from strife.extract.places.anchors import nearest_pairs, nearest_to_anchors
from strife.extract.places.border_raids import BesideRebels
from strife.extract.places.focus import FocusSupport, FocusVote, focus_of, mentions_and_votes
from strife.extract.places.metonymy import METONYM_CONFIDENCE, coordination_head, country_as_attribute, is_metonym
from strife.extract.places.mentions import facility_words
from strife.extract.places.names import Mention, locality_words, village_words
from strife.extract.places.plausibility import MIN_POPULATION_WITHOUT_CUE, is_demonym, is_plausible
from strife.extract.places.readings import (
    Toponym,
    known_by_this_name,
    prefer_named_regions,
    ranked_readings,
    resolve_mention,
    sites_at_home,
    stands_alone,
    towns_regions,
    undecided_namesakes,
    weak_lone_reading,
    weak_part_reading,
)
from strife.extract.places.unplaced import actor_regions, dominant_country, forces_country, unplaced_article
from strife.model import Place
from strife.resolve.distance import km_apart
from strife.resolve.geocode import RIVAL_DISTANCE_KM, Candidate, Gazetteer, admin_words, kind_countries
from strife.resolve.spellings import normalise_name


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
    bases = actor_regions(doc, gazetteer)
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
    people = dominant_country([v for v in votes if v.mention is None and not v.armed
                                and is_demonym(doc_text(doc)[v.span[0] : v.span[1]])
                                and not any(a <= v.span[0] < b for a, b in named)])
    actor_countries = frozenset([people] if people else [])  # one people, far more than any other
    units = [(names[i], ranked[0][0].country) for i, ranked in enumerate(readings)
             if ranked and ranked[0][0].kind == "admin1" and ranked[0][0].country]
    # The one country whose forces act in the note ("the Westland army shot ..."): no evidence against a
    # town's own name (foreign forces act abroad), but against a town abroad read by another of its names
    # in a country nothing else in the note says.
    forces = forces_country(doc, votes)
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
            fallback := unplaced_article(doc, mentions, votes, gazetteer, forces if forces_against else None)):
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
    """Is the name written as a part of a town ("Ashfield area", "Parkvale neighbourhood"), or as a
    village ("Westholm village": a large town abroad of the name is no village)?"""
    words = locality_words() | village_words()
    return any(token.lower_ in words for token in doc[mention.name_end : mention.end + 1])


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
    """Is the place written "from across the border in X" (`_from_across_border`), or as the other side
    of a border the event lies across from ("in Gedo region across the border from X", "over the
    border from X")? Either way X is the other side, not where the act was."""
    if span.start > 0 and span.doc[span.start - 1].lower_ == "in" and _from_across_border(span.doc, span.start - 1):
        return True
    words = [token.lower_ for token in span.doc[max(0, span.start - 4) : span.start]]
    return words[-4:] in (["across", "the", "border", "from"], ["over", "the", "border", "from"])


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
