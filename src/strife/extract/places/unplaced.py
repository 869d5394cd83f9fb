"""Where an article no toponym places is, and what its actors and bodies say of where it is.

An article with no usable toponym is placed, as far as it says (`unplaced_article`): at another
spelling of a place in one country ("in Jebleh"), where its organisations are named after ("the
Tasmania Public Service Commission"), at a name written as a place that no reading took
(`cued_names`), else in the country its actors say, at precision 3 ("Houthi forces shelled ..." is
in Yemen). The same actors' evidence serves `resolution` for any article: the country whose forces
act (`forces_country`), the one country a note's people outweigh every other by
(`dominant_country`), the regions its bodies are named after (`actor_regions`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Span

from strife.extract import doc_ents, doc_text
from strife.extract.places.cued_names import begins_name, cued_name_place
from strife.extract.places.focus import FocusVote, focus_of
from strife.extract.places.mentions import facility_words
from strife.extract.places.names import (
    MAX_NAME_TOKENS,
    Mention,
    gazetteer_query,
    is_name_token,
    stop_words,
)
from strife.extract.places.plausibility import (
    MIN_POPULATION_WITHOUT_CUE,
    english_words,
    is_demonym,
)
from strife.extract.places.readings import (
    LONE_ALTERNATE_MIN_POPULATION,
    Toponym,
    is_short_name,
    resolve_mention,
    weak_lone_reading,
)
from strife.resolve.geocode import Candidate, Gazetteer, to_place
from strife.resolve.spellings import normalise_name, respellings, same_sounds


def unplaced_article(doc: Doc, mentions: Sequence[Mention], votes: Sequence[FocusVote],
                      gazetteer: Gazetteer, forces_place: str | None = None) -> Toponym | None:
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
                        actor_focus: Sequence[str], signs: Collection[str]) -> Toponym | None:
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
                  actor_focus: Sequence[str]) -> Toponym | None:
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


def actor_regions(doc: Doc, gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
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


ACTOR_PLACE_CONFIDENCE = 0.3


def _actor_country_place(doc: Doc, gazetteer: Gazetteer, votes: Sequence[FocusVote],
                         forces_place: str | None = None) -> Toponym | None:
    """With no toponym to place it, the article is in the country its actors and cues say (precision 3).

    "Houthi forces fired on ..." is in Yemen, as a coder would record it, rather than nowhere, when
    the actors and cues that name a country name that one far more than any other
    (`dominant_country`); the place's span is the words that say so, its confidence low.
    """
    # A people's adjective naming armed forces ("Israeli drones", "Turkish forces") says who acts,
    # often abroad, not where; one naming anything else ("the Lebanese pound") says where.
    actor_votes = [vote for vote in votes if vote.mention is None and not vote.armed]
    focus = dominant_country(actor_votes)
    forces = forces_country(doc, votes)
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


def forces_country(doc: Doc, votes: Sequence[FocusVote]) -> str | None:
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


def dominant_country(votes: Sequence[FocusVote]) -> str | None:
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
