"""Finding an article's toponym mentions (`candidate_mentions`).

Parser-tagged places (GPE/LOC/FAC), person or organisation entities that are, whole, a gazetteer
name ("Kiryat Lavan"), and the longest gazetteer matches inside every other capitalised run; each
widened to the longest name the gazetteer knows ("Lagoa" -> "Lagoa do Tamboril") and read with its
context: a kind word after it ("Idlib province"), a part or locative word before it ("eastern",
"in"). The names that qualify or contain others are then linked (`qualifiers`).
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from strife.datafiles import read_data_csv
from strife.extract import doc_ents, doc_lowers, doc_tokens, tokens_text
from strife.extract.places.names import (
    BLOCKING_LABELS,
    FOREIGN_JOINERS,
    HYPHENS,
    LOCATIVE_PREPOSITIONS,
    MAX_NAME_TOKENS,
    NAME_JOINERS,
    NEVER_PLACE_LABELS,
    PLACE_LABELS,
    Mention,
    after_locative,
    entity_pieces,
    is_direction,
    is_name_token,
    kind_feature,
    name_qualifiers,
    named_as_place_example,
    object_of_attack,
    part_words,
    stop_words,
    trim_name,
)
from strife.extract.places.plausibility import MIN_POPULATION_WITHOUT_CUE
from strife.extract.places.qualifiers import (
    link_containers,
    link_demonym_places,
    link_qualifiers,
    share_qualifiers,
    without_village_name_heads,
)
from strife.resolve.geocode import MAX_KIND_WORDS, Candidate, Gazetteer, admin_words, kind_countries
from strife.resolve.spellings import normalise_name


def _blocked(doc: Doc, gazetteer: Gazetteer) -> list[bool]:
    """Tokens inside multi-token person/org/... entities: never part of a toponym."""
    blocked = [False] * len(doc)
    for ent in doc_ents(doc):
        if ((ent.label_ in BLOCKING_LABELS and len(ent) > 1 and not _names_a_route(doc, ent)) or (
                ent.label_ in NEVER_PLACE_LABELS and not _mistagged_name(ent, gazetteer))):
            for i in range(ent.start, ent.end):
                blocked[i] = True
    return blocked


def _names_a_route(doc: Doc, ent: Span) -> bool:
    """Is an organisation or person entity only the towns a road is named by ("the Westfield-Eastbrook" of
    "the Westfield-Eastbrook road", which the small model tags as an organisation; "Westfield-Eastbrook"
    of "along Westfield-Eastbrook and Northvale-Southby axis", where the coordinated pairs share the one
    kind word after the last)? Its words stay free to be read as the two towns (`_end_of_a_route`)."""
    tokens = [t for t in ent if t.lower_ != "the"]
    words = admin_words()
    if tokens and words.get(tokens[-1].lower_) == "landmark":
        tokens = tokens[:-1]
    elif not _landmark_after_pairs(doc, ent.end):
        return False
    return (len(tokens) == 3 and tokens[1].text in HYPHENS and is_name_token(tokens[0])
            and is_name_token(tokens[2]))


def _mistagged_name(ent: Span, gazetteer: Gazetteer) -> bool:
    """Is a date or number entity one capitalised word with no digit, a place's name as written,
    that names no day, month or feast ("in Dahuk", tagged DATE by the small model)? Then it may be a
    toponym like any other; not by another spelling, which matches too much of what dates are. A
    stop-listed word counts only with a unit's kind word after it ("Westmarsh region")."""
    token = ent[0]
    return (len(ent) == 1 and is_name_token(token) and not any(ch.isdigit() for ch in token.text)
            and (normalise_name(token.text) not in stop_words() or _unit_word_after(ent.doc, ent.end))
            and bool(gazetteer.lookup(token.text)))


def _unit_word_after(doc: Doc, end: int) -> bool:
    """Is a name followed by a first- or second-level unit's kind word ("the northern Sahel region",
    tagged DATE by the small model)? The kind word says it is a region, whatever else the word may be."""
    kind = _kind_words_after(doc, end)
    return kind is not None and kind_feature(admin_words()[kind[0]]) in ("admin1", "admin2")


def _entity_mentions(doc: Doc) -> list[Mention]:
    mentions = []
    for ent in doc_ents(doc):
        if ent.label_ not in PLACE_LABELS:
            continue
        for piece_start, piece_end in entity_pieces(doc, ent.start, ent.end):
            trimmed = trim_name(doc, piece_start, piece_end)
            if trimmed is None:
                continue
            start, name_end, feature = trimmed
            mentions.append(  # a possessive ending ("Westpur's") is no part of the place's span
                Mention(start, piece_end if feature else name_end, from_entity=True, name_end=name_end,
                        feature=kind_feature(feature), cue=feature is not None)
            )
    return mentions


def _blocked_entity_mentions(doc: Doc, taken: list[bool], gazetteer: Gazetteer) -> list[Mention]:
    """Person/organisation entities that are, whole, a gazetteer name ("Kiryat Lavan", "Minas Gerais"),
    as written or in the English spelling of their orthography ("Ceel Dibiir" = El Dibir).

    The small model tags many toponyms it does not know as PERSON or ORG; a name that is a place
    as written counts, but only with a cue (`Mention.weak`), so "Josh Earnest" stays a person.
    """
    mentions = []
    for ent in doc_ents(doc):
        if ent.label_ not in BLOCKING_LABELS or len(ent) < 2:
            continue
        for piece_start, piece_end in entity_pieces(doc, ent.start, ent.end):
            trimmed = trim_name(doc, piece_start, piece_end)
            if trimmed is None or any(taken[piece_start:piece_end]):
                continue
            start, name_end, feature = trimmed
            if not is_name_token(doc[name_end - 1]):
                continue
            candidates = gazetteer.lookup(doc[start:name_end].text)
            respelled = [] if candidates else gazetteer.lookup_respelled(doc[start:name_end].text)[0]
            if not (candidates or respelled) and feature is not None:
                respelled = _unit_spelled_otherwise(doc[start:name_end].text, doc[name_end:piece_end].text, gazetteer)
            if candidates or respelled:
                mentions.append(
                    Mention(start, piece_end if feature else name_end, from_entity=False, name_end=name_end,
                            feature=kind_feature(feature), cue=feature is not None,
                            candidates=candidates or respelled, weak=True, variant=bool(respelled))
                )
                for i in range(piece_start, piece_end):
                    taken[i] = True
    return mentions


def _unit_spelled_otherwise(name: str, kind_word: str, gazetteer: Gazetteer) -> list[Candidate]:
    """A unit written with a kind word only some countries use ("Kuram Agency", "Bajour Agency",
    tagged an organisation): its other spellings in those countries (`Gazetteer.lookup_variants_in`). The
    kind word says the country, so a transliteration skeleton is as sure a sign as for a name after a
    locative; nothing when the word is every country's ("district")."""
    countries = kind_countries().get(kind_word.casefold())
    if not countries:
        return []
    return gazetteer.lookup_variants_in(name, countries)


@functools.lru_cache(maxsize=1)
def facility_words() -> frozenset[str]:
    """Words that make "<town> ... <word>" a building or site in that town (geo_facility_words.csv)."""
    return frozenset(row["word"].casefold() for row in read_data_csv("geo_facility_words.csv"))


def _facility_mentions(doc: Doc, taken: list[bool], gazetteer: Gazetteer) -> list[Mention]:
    """The town that names a facility ("Korvan Medical Centre", tagged ORG or FAC): the event is in
    that town. The town's name is taken as part of a longer name (`Mention.partial`), so only a
    well-known town in the article's country counts ("Al-Shifa Hospital" is no village Ash Shifa)."""
    mentions = []
    for ent in doc_ents(doc):
        if ent.label_ not in BLOCKING_LABELS | {"FAC"} or len(ent) < 2 or any(taken[ent.start:ent.end]):
            continue
        start = ent.start + (ent[0].lower_ == "the")
        words = doc[start + 1 : min(len(doc), ent.end + 1)]  # the word after it too: "[Tenmar ... Ladies'] College"
        if not any(token.lower_ in facility_words() for token in words):
            continue
        for end in range(min(ent.end - 1, start + MAX_NAME_TOKENS), start, -1):
            if all(is_name_token(t) for t in doc[start:end]) and (found := gazetteer.lookup(doc[start:end].text)):
                mentions.append(_facility_town(doc, start, end, ent.end, found))
                for i in range(ent.start, ent.end):
                    taken[i] = True
                break
    return mentions


# A token that may begin a name written with the initials of its first words: "D.I.", "N.", "DG",
# "D.G" (its last period left out), "D" (then "G Khan"), or one joined to the written word ("D.G.Khan").
_INITIAL_TOKEN = re.compile(r"^(?:(?:[A-Z]\.)+(?:[A-Z]|[A-Z][a-z]+)?|[A-Z]{1,3})$")


def _initialled_mentions(doc: Doc, taken: list[bool], gazetteer: Gazetteer) -> list[Mention]:
    """Names written with the initials of their first words ("D.I. Khan", "DG Khan", "N. Waziristan"):
    the tokeniser and the tagger split them ("D.I." a place, "Khan" a person), so no other finder sees
    the whole. The longest stretch from an initial on that the gazetteer expands
    (`Gazetteer.lookup_initialled`) is the mention; its context is read as any other's."""
    mentions = []
    i = 0
    while i < len(doc):
        if not _INITIAL_TOKEN.match(doc[i].text):
            i += 1
            continue
        for end in range(min(len(doc), i + 5), i, -1):
            if (is_name_token(doc[end - 1]) or _INITIAL_TOKEN.match(doc[end - 1].text)) and (
                    found := gazetteer.lookup_initialled(doc[i:end].text)):
                mentions.append(Mention(i, end, from_entity=False, name_end=end, candidates=found))
                for k in range(i, end):
                    taken[k] = True
                i = end - 1
                break
        i += 1
    return mentions


# A place's name that holds a person's is at least this many words ("Dera Ismail Khan"): two
# capitalised words beside a person's name are more often a title and the name.
MIN_WORDS_ACROSS_PERSON = 3


def _names_across_person_names(doc: Doc, taken: list[bool], gazetteer: Gazetteer) -> list[Mention]:
    """A place named after a person ("Dera Ismail Khan", "Tando Muhammad Khan", "Sant Kabir Nagar"):
    the tagger takes the person's name for a person and the words beside it for a place or for
    nothing, so each finder sees a piece and reads the first word as a town elsewhere ("Dera").
    The longest run of capitalised words across the person's name that is, whole, a name the
    gazetteer knows as a place's own is the mention."""
    mentions = []
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" or any(taken[ent.start:ent.end]):
            continue
        best = None
        for start in range(max(0, ent.start - 2), ent.start + 1):
            for end in range(min(len(doc), ent.end + 2), ent.end - 1, -1):
                if ((start, end) == (ent.start, ent.end) or end - start < MIN_WORDS_ACROSS_PERSON
                        or not all(is_name_token(t) for t in doc[start:end]) or any(taken[start:end])):
                    continue
                if any(c.primary for c in gazetteer.lookup(doc[start:end].text)):
                    if best is None or end - start > best[1] - best[0]:
                        best = (start, end)
                    break
        if best is not None:
            mentions.append(Mention(best[0], best[1], from_entity=False, name_end=best[1]))
            for k in range(*best):
                taken[k] = True
    return mentions


POSSESSIVES = frozenset({"'s", "’s"})


def _possessive_name_mentions(doc: Doc, taken: list[bool], gazetteer: Gazetteer) -> list[Mention]:
    """A place whose own name holds a possessive ("Cox's Bazar", "King's Lynn"): runs of capitalised
    words end at "'s" (a possessive is no part of a name: "Nigeria's Borno"), so the gazetteer is
    asked for the whole name first, and the whole is the place when it knows it."""
    mentions = []
    for at in range(1, len(doc) - 1):
        if doc[at].lower_ not in POSSESSIVES or any(taken[at - 1 : at + 2]):
            continue
        if is_name_token(doc[at - 1]) and is_name_token(doc[at + 1]) and gazetteer.lookup(doc[at - 1 : at + 2].text):
            mentions.append(Mention(at - 1, at + 2, from_entity=False, name_end=at + 2))
            taken[at - 1 : at + 2] = [True] * 3
    return mentions


def _kind_words_end_run(doc: Doc, end: int, run_end: int) -> bool:
    """Is the rest of a capitalised run a kind word ("Baalbek Governorate")? Then the name is whole."""
    kind = _kind_words_after(doc, end)
    return kind is not None and end + kind[1] == run_end


def _facility_town(doc: Doc, start: int, end: int, ent_end: int, found: list) -> Mention:
    """The town (or the unit, when a kind word follows it: "Baalbek Governorate building") that
    names a facility."""
    kind = _kind_words_after(doc, end)
    if kind and end + kind[1] < ent_end + 1 and (feature := kind_feature(admin_words()[kind[0]])):
        return Mention(start, end + kind[1], from_entity=False, name_end=end, feature=feature, cue=True,
                       candidates=found)
    return Mention(start, end, from_entity=False, name_end=end, cue=True, candidates=found, partial=True)


def _name_runs(doc: Doc, taken: list[bool], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (with joiners inside), outside entities already taken."""
    blocked = _blocked(doc, gazetteer)
    tokens, words = doc_tokens(doc), doc_lowers(doc)  # read once per Doc, not a Token per look
    runs, i = [], 0
    while i < len(doc):
        if taken[i] or blocked[i] or not is_name_token(tokens[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and not taken[end] and not blocked[end]:
            if is_name_token(tokens[end]):
                end += 1
            elif words[end] in NAME_JOINERS and end + 1 < len(doc) and (
                is_name_token(tokens[end + 1]) or words[end + 1] in NAME_JOINERS
            ):
                end += 1
            else:
                break
        while end > i + 1 and not is_name_token(tokens[end - 1]):
            end -= 1
        runs.append((i, end))
        i = end
    return runs


def _gazetteer_mentions(doc: Doc, taken: list[bool], gazetteer: Gazetteer) -> list[Mention]:
    """Longest gazetteer matches, left to right, inside each capitalised run.

    A run with no match at all that follows a locative cue ("near Jebleh") or comes before a
    unit's kind word ("of Westmarsh region") is looked up by its transliteration skeleton
    (`Gazetteer.lookup_variants`).
    """
    mentions = []
    for run_start, run_end in _split_unknown_of_known(doc, _name_runs(doc, taken, gazetteer), gazetteer, mentions):
        if not any(gazetteer.lookup(tokens_text(doc, i, j)) for i in range(run_start, run_end)
                   for j in range(i + 1, min(run_end, i + MAX_NAME_TOKENS) + 1)):
            if _cued_as_place(doc, run_start, run_end) and run_end - run_start <= MAX_NAME_TOKENS and (
                variants := gazetteer.lookup_variants(doc[run_start:run_end].text)
            ):
                mentions.append(Mention(run_start, run_end, from_entity=False, name_end=run_end, cue=True,
                                        candidates=variants, variant=True))
            continue
        i = run_start
        named_from = _past_compass_words(doc, run_start, run_end)
        while i < run_end:
            if (qualified := _qualified_unknown(doc, i, run_end, gazetteer)) is not None:
                mentions.append(qualified)
                i = qualified.end
                continue
            for end in range(min(run_end, i + MAX_NAME_TOKENS), i, -1):
                if not is_name_token(doc[end - 1]):
                    continue
                if gazetteer.lookup(tokens_text(doc, i, end)):
                    partial = i > named_from or (end < run_end and not _kind_words_end_run(doc, end, run_end))
                    mentions.append(Mention(i, end, from_entity=False, name_end=end, partial=partial))
                    i = end
                    break
            else:
                i += 1
    return mentions


def _past_compass_words(doc: Doc, run_start: int, run_end: int) -> int:
    """Where a capitalised run's name begins past its leading compass words: "North Eastern Kenya"
    is Kenya's north-east, not a longer name that holds "Kenya" as a part of it."""
    start = run_start
    while start < run_end - 1 and is_direction(doc[start].lower_):
        start += 1
    return start


def _split_unknown_of_known(doc: Doc, runs: list[tuple[int, int]], gazetteer: Gazetteer,
                            mentions: list[Mention]) -> list[tuple[int, int]]:
    """A run "X of Y" written as a place ("in Westpurwa of Eastmoor", "at Northgaon of Eastmoor
    district") whose first name the gazetteer does not know at all is a village X of the
    unit Y, as South Asian papers write them, not one name (as "Bank of Westland" is): X
    gets a mention of its own with no readings, placed at Y (`link_containers`), and Y is read as a
    name of its own. Only after a locative preposition, with X of name words that are no ordinary
    English words ("Ministry of X", "University of Y" stay one name), and Y a unit (`_names_a_unit`)."""
    split = []
    for run_start, run_end in runs:
        ofs = [i for i in range(run_start + 1, run_end - 1) if doc[i].lower_ == "of"]
        at = ofs[0] if len(ofs) == 1 else None
        if at is None or at - run_start > MAX_NAME_TOKENS or not _before_is_locative(doc, run_start) or any(
            not is_name_token(doc[i]) or not doc[i].is_title or doc[i].lower_ in _english_words()
            or normalise_name(doc[i].text) in stop_words() for i in range(run_start, at)
        ) or any(gazetteer.lookup(tokens_text(doc, i, j)) for i in range(run_start, at)
                 for j in range(i + 1, min(run_end, i + MAX_NAME_TOKENS) + 1)) or not _names_a_unit(doc, at + 1, run_end, gazetteer):
            split.append((run_start, run_end))
            continue
        mentions.append(Mention(run_start, at, from_entity=False, name_end=at, cue=True))
        split.append((at + 1, run_end))
    return split


def _names_a_unit(doc: Doc, start: int, run_end: int, gazetteer: Gazetteer) -> bool:
    """Is the name after "of" a unit the village is in: the whole rest of the run (a district, a
    province) or followed by a unit's kind word ("of Eastmoor district"), and no large town, whose
    quarters ("Westpurwa of Eastcity") are its own to read?"""
    if run_end - start > MAX_NAME_TOKENS:
        return False
    readings = gazetteer.lookup(tokens_text(doc, start, run_end))
    kind = _kind_words_after(doc, run_end)
    if kind and kind_feature(admin_words()[kind[0]]) in ("admin1", "admin2"):
        return bool(readings)
    return any(c.kind in ("admin1", "admin2") for c in readings) and not any(
        c.kind == "city" and c.primary and c.population >= MIN_POPULATION_WITHOUT_CUE for c in readings)


def _before_is_locative(doc: Doc, start: int) -> bool:
    """Is a locative preposition ("in", "at", "near") just before `start`, articles aside?"""
    before = start - 1
    while before >= 0 and doc[before].lower_ == "the":
        before -= 1
    return before >= 0 and doc[before].lower_ in LOCATIVE_PREPOSITIONS


def _english_words() -> frozenset[str]:
    from strife.extract.places.plausibility import english_words

    return english_words()


def _qualified_unknown(doc: Doc, start: int, run_end: int, gazetteer: Gazetteer) -> Optional[Mention]:
    """A village's name opened by a qualifier word ("Verkhnia Sosnivka", "Kafr Westdale", "Upper
    Marsh") that the gazetteer does not know, as one name: not the village of its last word (a
    namesake, maybe in another region), nor one called by the qualifier alone. Its readings are
    other spellings of the whole when the text cues a place; else none, and it is placed only at a
    region the text puts it in (`link_containers`). A known place after the qualifier that cannot be a
    village's namesake (a region, a country, a large town) is left to be read as usual."""
    if doc[start].lower_ not in name_qualifiers() or start + 1 >= run_end or not is_name_token(doc[start + 1]):
        return None
    if doc[start + 1].lower_ in name_qualifiers():  # "Nova Stara X": the qualifiers open one name together
        inner = _qualified_unknown(doc, start + 1, run_end, gazetteer)
        return None if inner is None else _widened(inner, start)
    for end in range(min(run_end, start + 1 + MAX_NAME_TOKENS), start + 1, -1):
        if not is_name_token(doc[end - 1]):
            continue
        if any(gazetteer.lookup(tokens_text(doc, start, longer))
               for longer in range(end, min(run_end, start + MAX_NAME_TOKENS) + 1)):
            return None  # the gazetteer knows the qualified name ("Upper Dir", "Tal Afar")
        shortened = gazetteer.lookup(tokens_text(doc, start + 1, end))
        if not shortened:
            continue
        if any(c.kind in ("country", "admin1") or c.capital or c.population >= MIN_POPULATION_WITHOUT_CUE
               for c in shortened):
            return None
        variants = (gazetteer.lookup_variants(doc[start:end].text) if _cued_as_place(doc, start, end) else [])
        return Mention(start, end, from_entity=False, name_end=end, candidates=variants, variant=bool(variants))
    return None


def _widened(mention: Mention, start: int) -> Mention:
    """The mention, begun earlier at `start` (over the qualifier words before it: "Nova Stara X")."""
    mention.start = start
    return mention


def _add_context(doc: Doc, mention: Mention) -> None:
    """Region word after, part or preposition before: what the text says about the name."""
    if _end_of_a_route(doc, mention):
        mention.cue = mention.route_end = True
    if not mention.feature and (kind := _kind_words_after(doc, mention.end)):
        mention.feature, mention.end, mention.cue = kind_feature(admin_words()[kind[0]]), mention.end + kind[1], True
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
        if kind == "area" and j >= 0 and is_direction(doc[j].lower_):
            part = parts[doc[j].lower_][0]  # "eastern districts of Mosul"
        mention.part, mention.cue = part or None, True
        return
    if word in parts and parts[word][1] in ("direction", "near"):
        mention.part, mention.cue = parts[word][0], True
        return
    if i > 0 and f"{doc[i - 1].lower_} {word}" in parts:
        mention.part, mention.cue = parts[f"{doc[i - 1].lower_} {word}"][0], True
        return
    if word in LOCATIVE_PREPOSITIONS or _unit_word(word):
        mention.cue = True  # "in Westpur", "village Eastholm", "tehsil Northkot, district Westpur"
    elif named_as_place_example(doc, mention.start):
        mention.cue = True  # "cities of Westland such as <name>": an example of places is a place
    elif object_of_attack(doc, mention.start, mention.end):
        mention.cue = True  # "militants attacked <town>": what an attack strikes is a place


def _unit_word(word: str) -> bool:
    """Is the lower-cased word a kind word of a unit or a settlement (geo_admin_words.csv: "province",
    "district", "tehsil", "village"), not a generic one ("area", "road")? Written before a name, as
    South Asian notes write a unit ("district Westpur", "tehsil Northkot"), it says the name is a place."""
    return kind_feature(admin_words().get(word)) is not None


def _end_of_a_route(doc: Doc, mention: Mention) -> bool:
    """Is the name one end of a road written by the towns it joins ("the Westfield-Eastbrook road", "along
    Northvale-Westfield axis")? Both are towns, whatever their size: a road, highway or axis is named
    by where it runs between (the kind word after the pair is a landmark word of geo_admin_words.csv)."""
    if _joined(doc, mention.name_end):  # the first town: "Westfield" of "Westfield-Eastbrook road"
        after = mention.name_end + 2
    elif _joined(doc, mention.start - 1) or (doc[mention.start].text in HYPHENS and _joined(doc, mention.start)):
        # the second: "Eastbrook" of it (the mention may hold the hyphen)
        after = mention.name_end
    else:
        return False
    return _landmark_after_pairs(doc, after)


def _joined(doc: Doc, at: int) -> bool:
    """Is the token at `at` a hyphen between two name tokens, written without spaces ("Westfield-Eastbrook")?"""
    return (0 < at < len(doc) - 1 and doc[at].text in HYPHENS and not doc[at].whitespace_
            and not doc[at - 1].whitespace_ and is_name_token(doc[at - 1]) and is_name_token(doc[at + 1]))


def _landmark_after_pairs(doc: Doc, after: int) -> bool:
    """Is token `after` a landmark word (geo_admin_words.csv), once past any further hyphened pairs
    coordinated before it ("and Northvale-Westfield axis": coordinated modifiers share one head noun)?"""
    while after + 3 < len(doc) and doc[after].lower_ in ("and", ",") and _joined(doc, after + 2):
        after += 4
    return after < len(doc) and admin_words().get(doc[after].lower_) == "landmark"


def _cued_as_place(doc: Doc, start: int, end: int) -> bool:
    """Does the text say the unknown name is a place, so that another spelling of a known one may
    be looked for? A locative cue before it ("near Jebleh"), or a unit's kind word after it
    ("Westmarsh region", "Ostrava district"): a writer's spelling of a region differs from the
    gazetteer's ("Galgaduud" for "Galguduud") as often as a village's does."""
    if after_locative(doc, start):
        return True
    kind = _kind_words_after(doc, end)
    return kind is not None and kind_feature(admin_words()[kind[0]]) in ("admin1", "admin2")


def _kind_words_after(doc: Doc, end: int) -> Optional[tuple[str, int]]:
    """The kind word(s) written right after a name ("district", "local government area") and how
    many tokens they take, longest first."""
    for size in range(MAX_KIND_WORDS, 0, -1):
        if end + size <= len(doc) and (kind := tokens_text(doc, end, end + size).casefold()) in admin_words():
            return kind, size
    return None


def candidate_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    taken = [False] * len(doc)
    found = (_initialled_mentions(doc, taken, gazetteer) + _names_across_person_names(doc, taken, gazetteer)
             + _possessive_name_mentions(doc, taken, gazetteer))
    for mention in _entity_mentions(doc):
        if any(taken[mention.start : mention.end]):
            continue  # part of a name the gazetteer knows whole ("Cox" of "Cox's Bazar")
        _widen_to_known_name(doc, mention, gazetteer)
        mention.partial = _name_goes_on(doc, mention.end)
        mention.candidates = gazetteer.lookup(mention.name(doc))
        if not mention.candidates and _cued_as_place(doc, mention.start, mention.end) and (
            len(doc[mention.start : mention.name_end]) <= MAX_NAME_TOKENS
        ) and (variants := gazetteer.lookup_variants(mention.name(doc))):
            mention.candidates, mention.variant = variants, True
        if mention.candidates:  # an entity the gazetteer does not know leaves its words to the runs below
            found.append(mention)
            for i in range(mention.start, mention.end):
                taken[i] = True
    found += _blocked_entity_mentions(doc, taken, gazetteer)
    found += _facility_mentions(doc, taken, gazetteer)
    mentions = [m for m in found + _gazetteer_mentions(doc, taken, gazetteer) if not _is_direction_of_next(doc, m)]
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        _add_context(doc, mention)
        mention.candidates = mention.candidates or gazetteer.lookup(mention.name(doc))
    linked = link_qualifiers(doc, _drop_overlaps(mentions), gazetteer)
    contained = link_containers(doc, link_demonym_places(doc, linked, gazetteer))
    return share_qualifiers(doc, without_village_name_heads(doc, contained))


def _is_direction_of_next(doc: Doc, mention: Mention) -> bool:
    """A compass word written before a name ("Northwest Nigeria's Zamfara State", "North Darfur" cut
    short) says which part of that place; alone it is no town of its own name elsewhere."""
    words = doc[mention.start:mention.end]
    if len(words) != 1 or not is_direction(words[0].lower_):
        return False
    following = doc[mention.end] if mention.end < len(doc) else None
    return following is not None and following.pos_ == "PROPN" and following.is_title


def _widen_to_known_name(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> None:
    """An entity that is part of a longer gazetteer name becomes that name.

    The small model often tags only a piece of a multi-word toponym: "Al" of "Al Maqtaa city", "Lagoa"
    of "Lagoa do Tamboril". The entity grows over adjacent capitalised words and name joiners that no
    other entity holds, to the longest stretch the gazetteer knows; a kind word after the name
    ("city") is then read as usual (`_add_context`).
    """
    if mention.name_end != mention.end:
        return  # the entity already ends in a kind word ("Kandahar city")
    best: Optional[tuple[int, int]] = None
    for start in range(mention.start, max(-1, mention.start - MAX_NAME_TOKENS), -1):
        if start < mention.start and not (_extends_name(doc[start]) or _stray_entity_word(doc[start], gazetteer)):
            break
        for end in range(min(len(doc), start + MAX_NAME_TOKENS), mention.end - 1, -1):
            if end <= mention.end and start == mention.start:
                break
            stretch = doc[start:end]
            if (all(_extends_name(t) for t in doc[mention.end:end]) and is_name_token(doc[end - 1])
                    and is_name_token(doc[start]) and gazetteer.lookup(stretch.text)):
                if best is None or end - start > best[1] - best[0]:
                    best = (start, end)
                break
    if best is not None:
        mention.start, mention.end, mention.name_end = best[0], best[1], best[1]


def _stray_entity_word(token: Token, gazetteer: Gazetteer) -> bool:
    """A capitalised word the small model tagged as an entity of its own, which names no place
    ('DR' of 'in DR Congo', read as two entities): it may open the longer name after it, as a word
    outside any entity may."""
    return (token.ent_iob_ == "B" and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
            and is_name_token(token) and not gazetteer.lookup(token.text))


def _name_goes_on(doc: Doc, end: int) -> bool:
    """Does a longer name go on after an entity the small model cut short ("Kala" of "Kala Barkhola I
    area", "Ain" of "Ain es Sabbar"), with no kind word ("Kandahar City") or break between?"""
    if end >= len(doc) or not doc[end - 1].whitespace_:
        return False
    while end < len(doc) - 1 and doc[end].lower_ in FOREIGN_JOINERS and not doc[end].is_title:
        end += 1  # "de los" in "San Juan de los Arroyitos"
    token = doc[end]
    return token.ent_iob_ != "B" and _continues_name(token)


def _continues_name(token: Token) -> bool:
    """A capitalised word that can be part of a place's name: not a kind word ("City"), nor a day,
    month or other stop-listed word ("Haiti Saturday")."""
    return (is_name_token(token) and token.lower_ not in admin_words()
            and normalise_name(token.text) not in stop_words())


def _extends_name(token: Token) -> bool:
    """Can this word outside an entity continue a name: a capitalised word or a joiner ("do", "al"),
    not inside another entity; or a hyphen or word written inside one hyphenated word, as French-named
    units are ("Logone-et-Chari", "Mayo-Sava": the parser tags "Logone" alone)."""
    return token.ent_iob_ == "O" and (is_name_token(token) or token.lower_ in NAME_JOINERS
                                      or _inside_hyphenated(token))


def _inside_hyphenated(token: Token) -> bool:
    """Is the token a hyphen, or a word after one, with no space on either side ("-et-" of "Logone-et-Chari")?"""
    doc, at = token.doc, token.i
    if at == 0 or doc[at - 1].whitespace_:
        return False
    if token.text in HYPHENS:
        return not token.whitespace_
    return doc[at - 1].text in HYPHENS and token.is_alpha


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """A region word can swallow the next token; keep the earlier mention."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
