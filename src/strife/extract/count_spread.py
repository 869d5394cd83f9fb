"""Over how many days or places a figure is spread: ACLED divides a toll told for several among them.

"12 killed over three days", "invaded two communities, killing 20", "clashed in Kuma and Bedi,
killing 8", "on 19 and 20 June": ACLED codes one event a day and a place, and a toll told for all
of them is shared out. `strife.extract.counts` sets `Count.split_over` from `spread_over`; the
figure linker (`strife.extract.figure_links`) asks `places_listed` and `days_of_range` of the
event's own clause. The units and prepositions are cues of ``data/count_cues.csv`` (spread_unit,
spread_place).
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from strife.extract import clause_verb, nearest_verb, span_ents
from strife.extract.count_words import MONTH_NAMES, count_cues
from strife.extract.numbers import match_quantity

_DAY_RANGE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|and|to|until)\s*(\d{1,2})(?:st|nd|rd|th)?\b")
_LONGEST_SPREAD_DAYS = 7
#: Days written day/month, as older notes write them: "19-20/06", "19/06 and 20/06", "from 18/06 to 20/06".
_NUMERIC_DAY_RANGE = re.compile(
    r"\b(\d{1,2})(?:/(\d{1,2}))?\s*(-|\u2013|and|to|until)\s*(\d{1,2})/(\d{1,2})\b(?!/\d{3,})")


def spread_over(anchor: Token) -> Optional[int]:
    """How many days or places the figure's clause, or the clause it hangs on, spreads it over ("12
    killed over three days", "Two fatalities distributed across two days", "invaded two
    communities, killing 20", "attacked the villages of A, B and C, killing 26"), or None."""
    units = count_cues().get("spread_unit", frozenset()) | count_cues().get("spread_route", frozenset())
    for clause in _clauses_of(anchor):
        for unit in (*_units(clause), *_subject_units(clause)):
            if unit.lemma_.lower() in units or unit.lower_ in units:
                number = _unit_number(unit)
                if number is not None and number >= 2:
                    return number
        for name in clause_names(clause):
            listed = places_listed(name)
            if listed >= 2:
                return listed
        listed = max(places_written_as_a_list(clause), places_as_objects(clause), _routes_listed(clause))
        if listed >= 2:
            return listed
    if _one_day_of_its_own(anchor):
        return None
    return days_of_range(anchor.sent)


def _routes_listed(verb: Token) -> int:
    """ "clashed with rebels along the A-B and C-D axis": the routes a route's noun of the verb's own
    clause lists (cue role spread_route, `names_of_unit`), wherever the parse hangs its phrase; 0
    when it lists fewer than two."""
    routes = count_cues().get("spread_route", frozenset())
    for token in verb.subtree:
        if token.lower_ in routes and clause_verb(token) is not None and clause_verb(token).i == verb.i:
            named = names_of_unit(token)
            if named >= 2:
                return named
    return 0


def _one_day_of_its_own(anchor: Token) -> bool:
    """ "clashed on 3 and 4 June, killing 17; 9 died on 3 June": a figure whose own clause names
    one day (a date with a month and no range, told with its verb) is that day's toll, not the
    range's to divide."""
    verb = nearest_verb(anchor)
    for entity in span_ents(anchor.sent):
        if entity.label_ != "DATE" or not any(token.lower_ in MONTH_NAMES for token in entity):
            continue
        if _DAY_RANGE.search(entity.text) or not any(t.like_num for t in entity):
            continue
        root = entity.root
        head = root.head if root.dep_ == "pobj" else root
        if head.head.i == verb.i and head.i != verb.i and anchor.i < verb.i < entity.start:
            return True
    return False


def _one_place_name(words: Span) -> bool:
    """Whether the gazetteer knows the words, "and" and all, as one place ("Jammu and Kashmir")."""
    from strife.resolve.geocode import Gazetteer

    return bool(Gazetteer.default().lookup(words.text))


def clause_names(verb: Token) -> Iterator[Token]:
    """The proper nouns of a verb's own clause (not of a clause inside it), in text order."""
    for token in verb.subtree:
        if token.pos_ != "PROPN" or token.dep_ != "pobj":
            continue
        head = token.head
        while head.i != verb.i and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i == verb.i:
            yield token


def places_listed(unit: Token) -> int:
    """How many named places a locative preposition's object lists ("clashed in Kuma and Bedi",
    "at A, B and C": 2 and 3; cue role spread_place, count_cues.csv): ACLED codes an event at each
    and divides a toll told for all of them among them. Names of one area ("in the A and B villages")
    or the sides of a "between" are no list, nor names joined by commas alone ("in Kuma, Tesso": a
    town and its district); 0 when the object is not a list of names."""
    preposition = unit.head
    if (unit.dep_ != "pobj" or unit.pos_ != "PROPN" or preposition.dep_ != "prep"
            or preposition.lower_ not in count_cues().get("spread_place", frozenset())):
        return 0
    names = [unit, *(conj for conj in unit.conjuncts if conj.i > unit.i)]
    joined = any(child.dep_ == "cc" and child.lower_ == "and" for name in names for child in name.children)
    if len(names) < 2 or not joined or any(name.pos_ != "PROPN" for name in names):
        return 0  # "in Kuma, Tesso": a town and its district, no list
    last = names[-1].i
    if len(names) == 2 and _one_place_name(unit.doc[unit.left_edge.i if unit.left_edge.dep_ == "compound" else unit.i : last + 1]):
        return 0  # "in Jammu and Kashmir": one place's name with "and" inside it
    if last + 1 < len(unit.doc) and unit.doc[last + 1].pos_ == "NOUN":
        return 0  # "in the A and B villages" (the parse may hang the noun elsewhere): one area
    return len(names)


def places_as_objects(verb: Token) -> int:
    """How many named places a verb that strikes places lists as its direct object ("cleared Kuma and
    Bedi of militants", "raided A, B and C": 2 and 3; cue role spread_object, count_cues.csv): ACLED
    codes an event at each and divides a toll told for all among them, as for a list after "in"
    (`places_listed`). A name joined to the one before by a hyphen is part of it ("A-B and C": 2);
    a list with "the" before it, names joined by commas alone, one place's name with "and" inside
    it ("Jammu and Kashmir"), or names the tagger reads as people's, a full name among them or none
    a place the gazetteer knows ("attacked Ali Dan and Musa Kabir"), is no list: 0."""
    if verb.lemma_.lower() not in count_cues().get("spread_object", frozenset()):
        return 0
    for first in (child for child in verb.children if child.dep_ == "dobj" and child.pos_ == "PROPN"):
        if any(child.dep_ in ("det", "poss") for child in first.children):
            continue
        names = [name for name in (first, *(c for c in first.conjuncts if c.i > first.i))
                 if not _hyphened(name)]
        joined = any(child.dep_ == "cc" and child.lower_ == "and" for name in first.conjuncts for child in name.children)
        joined = joined or any(child.dep_ == "cc" and child.lower_ == "and" for child in first.children)
        if len(names) < 2 or not joined or any(name.pos_ != "PROPN" for name in names):
            continue
        if len(names) == 2 and _one_place_name(verb.doc[first.i : names[-1].i + 1]):
            continue
        if all(name.ent_type_ == "PERSON" for name in names) and (
                any(len(_name_words(name)) > 1 for name in names) or not any(_one_place_name(_name_words(name)) for name in names)):
            continue  # "attacked Ali Dan and Musa Kabir": people, not places
        return len(names)
    return 0


def _name_words(name: Token) -> Span:
    """A name with the words compounded before it ("Bulo Hawa")."""
    start = min((child.i for child in name.children if child.dep_ == "compound" and child.i < name.i), default=name.i)
    return name.doc[start : name.i + 1]


def _hyphened(name: Token) -> bool:
    """Whether a name is joined by a hyphen to the word before it ("Agatu-Oba"): one name, not two."""
    return name.i >= 2 and name.doc[name.i - 1].text == "-" and name.doc[name.i - 1].whitespace_ == ""


#: Words that join the items of a written list of places ("in A, B and C", "in A as well as B",
#: "in A and later in B"); a locative preposition may be repeated after them.
_LIST_JOINERS = (",", "and", "as well as", "and later", "and also", "later", "also")


def places_written_as_a_list(head: Token) -> int:
    """How many named places a locative preposition of a clause lists, read on the words as written
    ("Clashes in A as well as B and C", "clashed in A and later in B", "fighting between X and the
    army in A and B": 3, 2 and 2) where the parse scatters the names over the clause; 0 when no
    preposition of ``head``'s words opens a list of two or more names joined by "and" or "as well
    as" (names joined by commas alone are a town and its district; names followed by a noun, "in A
    and B villages", one area, as `places_listed` reads them)."""
    doc = head.doc
    preps = count_cues().get("spread_place", frozenset())
    end = head.sent.end
    for token in head.subtree:
        if token.dep_ == "prep" and token.lower_ in preps and token.i + 1 < end and doc[token.i + 1].pos_ == "PROPN":
            listed = _names_after(doc, token.i + 1, end, preps)
            if listed >= 2:
                return listed
    return 0


def _names_after(doc: Doc, start: int, end: int, preps: frozenset[str]) -> int:
    """The names of the list opening at ``start`` (see `places_written_as_a_list`), or 0."""
    names, joined, position, first = 0, False, start, start
    while position < end:
        if doc[position].pos_ != "PROPN":
            return 0
        while position < end and (doc[position].pos_ == "PROPN" or (doc[position].text == "-" and position + 1 < end
                                                                   and doc[position + 1].pos_ == "PROPN")):
            position += 1
        names += 1
        last = position - 1
        words = [t.lower_ for t in doc[position : min(position + 4, end)]]
        joiner = next((j for j in sorted(_LIST_JOINERS, key=len, reverse=True)
                       if words[: len(j.split())] == j.split()), None)
        if joiner is None:
            break
        position += len(joiner.split())
        joined = joined or joiner != ","
        if position < end and doc[position].lower_ in preps:
            position += 1
        if position >= end or doc[position].pos_ != "PROPN":
            if joiner != ",":
                return 0  # "in A and the army": no list of names
            break
    if names < 2 or not joined:
        return 0
    if last + 1 < end and doc[last + 1].pos_ == "NOUN":
        return 0  # "in A and B villages": one area's parts
    if names == 2 and _one_place_name(doc[first : last + 1]):
        return 0  # "in Jammu and Kashmir"
    return names


def days_of_range(sentence: Span) -> Optional[int]:
    """The days a range of dates in the figure's sentence names ("on 19 and 20 June", "3-5 May":
    2 and 3), or None: ACLED divides a toll told for several days among them. A range longer than
    a week is a period's statistic, not an incident's days, and is left whole."""
    for entity in span_ents(sentence):
        if entity.label_ != "DATE" or not any(token.lower_ in MONTH_NAMES for token in entity):
            continue
        found = _DAY_RANGE.search(entity.text)
        if found is not None:
            first, last = int(found[1]), int(found[2])
            if 1 <= first < last <= 31 and last - first < _LONGEST_SPREAD_DAYS:
                return last - first + 1
    return (_days_of_numeric_range(sentence.text) or _days_before_a_month(sentence.text)
            or _days_after_a_month(sentence.text))


#: A month's name (or its abbreviation, with or without a full stop) and a range of days after it.
_MONTH_FIRST_RANGE = re.compile(r"\b([A-Za-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|and|to|until)\s*"
                                r"(\d{1,2})(?:st|nd|rd|th)?\b(?![/.]\d)")


def _days_after_a_month(text: str) -> int | None:
    """ "between Jun.19-20", "on June 19 and 20": a range of days written after a month's name, as
    wire reports and some coders write the date, within a week, or None."""
    for found in _MONTH_FIRST_RANGE.finditer(text):
        if found[1].lower() not in MONTH_NAMES:
            continue
        first, last = int(found[2]), int(found[3])
        if 1 <= first < last <= 31 and last - first < _LONGEST_SPREAD_DAYS:
            return last - first + 1
    return None


def _days_before_a_month(text: str) -> int | None:
    """ "clashes in Kero between 15 and 17 June": a range of days written before a month's name,
    which the entity tagger may leave untagged in mid-sentence, within a week, or None."""
    for found in _DAY_RANGE.finditer(text):
        after = text[found.end():].split(maxsplit=1)
        if not after or after[0].strip(".,;:").lower() not in MONTH_NAMES:
            continue
        first, last = int(found[1]), int(found[2])
        if 1 <= first < last <= 31 and last - first < _LONGEST_SPREAD_DAYS:
            return last - first + 1
    return None


def _days_of_numeric_range(text: str) -> Optional[int]:
    """The days of a range written day/month ("on 19-20/06", "from 18/06 to 20/06": 2 and 3; "on
    19/06 and 22/06": the two days named), within one month and a week, or None."""
    for found in _NUMERIC_DAY_RANGE.finditer(text):
        first, month, joint, last, last_month = int(found[1]), found[2], found[3], int(found[4]), found[5]
        if (month is not None and month.lstrip("0") != last_month.lstrip("0")) or (month is None and joint == "and"):
            continue  # "between 2 and 3/4" is no pair of days
        if not (1 <= first < last <= 31 and last - first < _LONGEST_SPREAD_DAYS and 1 <= int(last_month) <= 12):
            continue
        return 2 if joint == "and" else last - first + 1
    return None


def _clauses_of(anchor: Token) -> list[Token]:
    """The verb of the figure's clause, its participles, and the verbs it is subordinate to."""
    verb = nearest_verb(anchor)
    clauses = [verb, *(child for child in verb.children if child.dep_ in ("acl", "advcl") and child.pos_ == "VERB")]
    current = verb
    for _ in range(2):  # "continued over four days, with several soldiers killed"; "invaded ..., killing 20"
        if current.dep_ not in ("advcl", "pcomp", "xcomp", "conj") or current.head is current:
            break
        current = current.head.head if current.dep_ == "pcomp" else current.head
        clauses.append(current)
    return clauses


def _units(verb: Token) -> Iterator[Token]:
    """The nouns a verb's objects and prepositions name ("over three days", "two communities",
    "split between three locations"); not the sides a "between" phrase of a noun names ("clashes
    between two communities" is one fight)."""
    sides = verb.pos_ in ("NOUN", "PROPN")
    for child in verb.children:
        if child.dep_ in ("dobj", "npadvmod"):
            yield child
            for prep in (grand for grand in child.children if grand.dep_ == "prep"
                         and grand.lower_ in count_cues().get("spread_place", frozenset())):
                # "killed eight people in Tema and Loba villages": where the victims were
                yield from (pobj for pobj in prep.children if pobj.dep_ == "pobj" and names_of_unit(pobj) >= 2)
        elif child.dep_ == "prep" and not (sides and child.lower_ == "between"):
            yield from (grand for grand in child.children if grand.dep_ == "pobj")


def _subject_units(verb: Token) -> Iterator[Token]:
    """The nouns of prepositions within the act a verb's subject names ("Clashes in A over two days
    left 6 dead", "Fighting over three days ... left 9 dead"), never the sides of a "between"; and
    a plural subject that counts the act's units itself ("Three days of clashes ... killed 12")."""
    for subject in (child for child in verb.children if child.dep_ in ("nsubj", "csubj") and child.pos_ in ("NOUN", "VERB")):
        if subject.tag_ == "NNS" and any(child.dep_ == "prep" and child.lower_ == "of" for child in subject.children):
            yield subject  # "Three days of clashes ... killed 12": the subject counts the days itself
        for token in subject.subtree:
            if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ != "between":
                yield token


def _unit_number(unit: Token) -> Optional[int]:
    """The number a counted unit names ("three days", "2 villages"; "the villages of A, B and C":
    the places listed), or None."""
    for child in unit.children:
        if child.dep_ == "nummod":
            found = match_quantity([child.lower_])
            if found is not None and found[0].best is not None:
                return found[0].best
    named = names_of_unit(unit)
    if named >= 2:
        return named
    if unit.tag_ == "NNS":
        for prep in (child for child in unit.children if child.dep_ == "prep" and child.lower_ == "of"):
            for first in (grand for grand in prep.children if grand.dep_ == "pobj"):
                listed = 1 + sum(1 for token in first.subtree
                                 if token.dep_ == "conj" and token.head.dep_ in ("pobj", "conj"))
                listed = max(listed, _names_listed(unit, prep))
                return listed if listed >= 2 else None
    return None


def names_of_unit(unit: Token) -> int:
    """How many places a plural unit noun names by a list of names before it ("in Tema and Loba
    villages", "attacks on Fabo, Kiri and Dosa villages": 2 and 3): a village (town, community)
    each, at which ACLED codes an event and among which it divides a toll told for all. With "the"
    before the list the names are read as one area's parts ("in the A and B villages of C
    district", as `places_listed` reads them), except before a route's noun, which names one route
    a name ("along the A-B and C-D axis": 2, cue role spread_route); 0 when the noun names no list."""
    route = unit.lower_ in count_cues().get("spread_route", frozenset())
    if not route and (unit.tag_ != "NNS" or unit.lemma_.lower() not in count_cues().get("spread_unit", frozenset())):
        return 0
    if not route and any(child.dep_ in ("det", "poss") for child in unit.children):
        return 0
    for first in (child for child in unit.children if child.dep_ in ("nmod", "compound") and child.pos_ == "PROPN"):
        names = [first, *(conj for conj in first.conjuncts if conj.i > first.i)]
        joined = any(child.dep_ == "cc" and child.lower_ == "and" for name in names for child in name.children)
        if len(names) >= 2 and joined and all(name.pos_ == "PROPN" for name in names):
            return len(names)
    return 0


def _names_listed(unit: Token, prep: Token) -> int:
    """How many names a list after "the villages of" gives, each item opening with a name (a capital)
    ("the villages of A in B, C in D district and E"): 3. Counted on the words up to the next
    verb, between commas and "and", since the parser hangs the later items anywhere in a long list."""
    items, opening = 0, True
    for token in unit.doc[prep.i + 1 : unit.sent.end]:
        if token.pos_ in ("VERB", "AUX") or token.text == ";":
            break
        if token.text == "," or token.lower_ == "and":
            opening = True
        elif opening:
            items += token.pos_ == "PROPN" or token.is_title
            opening = False
    return items
