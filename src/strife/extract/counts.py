"""Find casualty and displacement figures ("killing 69 people", "31,000 civilians have fled").

A figure is a count only when the dependency parse ties it to a word that says what happened to
the people counted (``data/count_kinds.csv``) and it counts people (``data/count_victims.csv``,
a nationality, or the outcome noun itself: "eight deaths"). That keeps "Two airstrikes",
"seven-day", "50 percent" and dates out without a list of exceptions per article.

The words and their grammar are `strife.extract.count_words`; people counted without a numeral
("another soldier", "killing him") and explicit zeros are `strife.extract.unnumbered`.
"""

from __future__ import annotations

import calendar
import re
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from strife.conventions import vague_figure
from strife.extract import doc_lowers, doc_sents, doc_text, sentence_index, span_ents
from strife.extract.count_words import (  # noqa: F401  (count_triggers, victim_nouns: this module's API)
    NOT_COUNT_ENTITIES, Trigger, count_cues, count_kind_for, count_triggers, governing_trigger, has_own_victims,
    is_victim_noun, past_hedges, past_reported_names, surely_harmed, tally_noun, trigger_for, victim_nouns,
    victims_of)
from strife.extract.numbers import Quantity, match_quantity, may_start_quantity
from strife.extract.unnumbered import plural_outcomes, singular_counts, zero_counts
from strife.model import Count

#: How far (tokens) a figure may reach; longer quantity phrases do not occur in news text.
MAX_QUANTITY_TOKENS = 12
#: Penn tags of a finite verb: a line whose subject has one is a sentence, not a telegraphic tally.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_MONTH_NAMES = frozenset(name.lower() for name in [*calendar.month_name, *calendar.month_abbr] if name)
_SIZE_NOTE = re.compile(r"\[\s*size\s*=[^\]]*$", re.IGNORECASE)
_DAY_RANGE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|and|to|until)\s*(\d{1,2})(?:st|nd|rd|th)?\b")
_LONGEST_SPREAD_DAYS = 7
#: Days written day/month, as older notes write them: "19-20/06", "19/06 and 20/06", "from 18/06 to 20/06".
_NUMERIC_DAY_RANGE = re.compile(
    r"\b(\d{1,2})(?:/(\d{1,2}))?\s*(-|\u2013|and|to|until)\s*(\d{1,2})/(\d{1,2})\b(?!/\d{3,})")


def find_counts(doc: Doc) -> list[Count]:
    """Every casualty, displacement, detention or missing-person figure in ``doc``, sentence by sentence.

    Explicit zeros ("no fatalities were reported") come after the figures of their sentence.

    A figure nested in another ("320 civilians, including some 40 children") points at it with
    ``part_of`` (its index in the returned list) so a sum over counts skips it.
    """
    counts: list[Count] = []
    owner_of_noun: dict[int, int] = {}
    for sentence in doc.sents:
        first, figures = len(counts), set()
        for quantity, span in _quantities(sentence):
            figures.update(range(span.start, span.end))
            found = _read_count(quantity, span, owner_of_noun, counts)
            if found is None:
                continue
            count, noun = found
            owner_of_noun.setdefault(noun.i, len(counts))
            counts.append(count)
            counts.extend(_shared_outcome(count, span))
        counts.extend(zero_counts(sentence))
        kinds = {count.kind for count in counts[first:]}
        counts.extend(_listed_in_tally(singular_counts(sentence, owner_of_noun, kinds, figures), sentence))
        if not any(count.kind == "killed" for count in counts[first:]):
            counts.extend(plural_outcomes(sentence, figures))
    return counts


def _listed_in_tally(found: Iterator[Count], sentence: Span) -> Iterator[Count]:
    """People counted without a numeral on a verbless tally line ("A policeman and 3 rioters
    killed.") are part of the tally, as its figures are (`_is_total`): the line's total sums them."""
    for count in found:
        span = sentence.doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
        yield count.model_copy(update={"total": True}) if span is not None and is_summary_line(span) else count


def _shared_outcome(count: Count, span: Span) -> Iterator[Count]:
    """ "killing and injuring a number of civilians": the people of two conjoined outcome verbs are
    shared, so the other outcome's figure is only bounded: at least one, at most all of them."""
    if count.kind not in ("killed", "injured") or count.best is not None:
        return  # an exact figure shared by two outcomes is left to the outcome the parse gives it
    _, anchor = _counted_noun(span)
    verb = anchor.head
    if anchor.dep_ not in ("dobj", "nsubjpass") or trigger_for(verb) is None:
        return
    partners = [verb.head] if verb.dep_ == "conj" else []
    partners += [child for child in verb.children if child.dep_ == "conj"]
    for partner in partners:
        trigger = trigger_for(partner)
        if (trigger is None or trigger.role != "object" or trigger.kind == count.kind
                or trigger.kind not in ("killed", "injured") or has_own_victims(partner)):
            continue
        high = count.high if count.high is not None else count.best
        yield count.model_copy(update={
            "low": 1 if (count.low or 0) >= 1 else count.low, "best": None, "high": high, "kind": trigger.kind,
            "vague": True, "confidence": round(count.confidence * 0.8, 3)})
        return


def _quantities(sentence: Span) -> Iterator[tuple[Quantity, Span]]:
    """Each figure of a sentence with the tokens it spans, left to right, never overlapping."""
    doc, offset = sentence.doc, sentence.start
    lowered = doc_lowers(doc)[sentence.start : sentence.end]  # read once per Doc, not per position
    position = 0
    while position < len(lowered):
        found = None
        if may_start_quantity(lowered[position]):
            found = match_quantity(lowered[position : position + MAX_QUANTITY_TOKENS])
        if found is None:
            position += 1
            continue
        quantity, length = found
        yield quantity, doc[offset + position : offset + position + length]
        position += length


def _read_count(
    quantity: Quantity, span: Span, owner_of_noun: dict[int, int], counts: list[Count]
) -> Optional[tuple[Count, Token]]:
    """Turn one figure into a Count, or None when it is not a casualty figure."""
    if _is_not_a_head_count(span):
        return None
    noun, anchor = _counted_noun(span)
    if _frames_a_counted_noun(noun, owner_of_noun):
        return None
    partitive = _picks_from_told(span, noun)
    noun_trigger = None if partitive else _noun_trigger(noun)
    if (noun_trigger is None and not _counts_people(noun, span) and not surely_harmed(noun, anchor)
            and not _dead_or_wounded_after(span, noun)):
        if not partitive:
            return None
    parent = _nesting_parent(anchor, owner_of_noun)
    if parent is None:
        parent = _bracketed_parent(span, owner_of_noun)
    if parent is None:
        parent = _partitive_parent(span, noun, counts)
    if parent is None:
        parent = _fronted_part_parent(span, counts)
    if parent is None:
        parent = _colon_parent(span, counts)
    if parent is None:
        parent = _among_the_told_dead(span, anchor, counts)
    noun_trigger = _harm_over_status(noun_trigger or _trailing_trigger(span, noun), anchor)
    if noun_trigger is not None:
        kind, confidence = noun_trigger.kind, noun_trigger.confidence
    elif parent is not None and counts[parent].kind:
        kind, confidence = counts[parent].kind, counts[parent].confidence * 0.95
        governed = governing_trigger(anchor) if partitive or noun.lower_ in ("them", "whom") else None
        if governed is not None and governed[0] in ("killed", "injured") and governed[0] != kind:
            # "abducted 3 traders and later killed one of them": killed, not abducted, and a toll of
            # its own rather than a part of the abducted
            kind, confidence = governed
            parent = None
    else:
        governed = governing_trigger(anchor) or _conjunct_outcome(noun, span)
        if governed is None:
            return None
        kind, confidence = governed
    if partitive and parent is None:
        parent = _running_total_of(span, kind, counts)
    if kind == "casualties" and _told_fatal(noun):
        kind = "killed"
    if parent is not None and counts[parent].kind == "casualties" and kind != "casualties":
        parent = None  # "12 casualties, including 3 dead": the dead are the toll, not a part of it
    if quantity.vague:
        confidence *= 0.9
    end = max(span.end, noun.i + 1)
    evidence = span.doc[span.start : end]
    victims = victims_of(span, noun)
    count = Count(
        low=quantity.low,
        best=quantity.best,
        high=quantity.high,
        text=evidence.text,
        victims=victims,
        span=(evidence.start_char, evidence.end_char),
        kind=kind,
        total=_is_total(span, anchor),
        part_of=parent,
        approximate=quantity.approximate,
        vague=quantity.vague,
        convention=vague_figure(span.text) if quantity.vague and quantity.best is None else None,
        split_over=_spread_over(anchor),
        confidence=round(min(confidence, 1.0), 3),
    )
    return _per_side(count, span), noun


def _told_fatal(noun: Token) -> bool:
    """ "12 fatal casualties": an adjective of role fatal (count_cues.csv) says the casualties died;
    so does "all" and a word of death right after them ("12 casualties, all dead", "all of them
    killed")."""
    fatal = count_cues().get("fatal", frozenset())
    if any(child.dep_ == "amod" and child.lower_ in fatal for child in noun.children):
        return True
    words = [t for t in noun.doc[noun.i + 1 : min(noun.i + 6, noun.sent.end)] if t.lower_ not in (",", "of", "them")]
    if len(words) < 2 or words[0].lower_ != "all":
        return False
    trigger = trigger_for(words[1])
    return trigger is not None and trigger.kind == "killed"


def _conjunct_outcome(noun: Token, span: Span) -> Optional[tuple[str, float]]:
    """ "3 soldiers and an unknown number of militants killed.": on a verbless tally line the parser
    may hang the participle on the last group listed only; the groups listed before share it."""
    if not is_summary_line(span):
        return None
    for conj in (child for child in noun.children if child.dep_ == "conj"):
        for token in conj.subtree:
            trigger = trigger_for(token) if token.dep_ in ("acl", "amod") else None
            if trigger is not None and trigger.kind in ("killed", "injured"):
                return trigger.kind, trigger.confidence * 0.9
    return None


def _per_side(count: Count, span: Span) -> Count:
    """ "one dead on each side", "two killed on either side": the figure is each of the two sides'
    dead, so the toll is twice it (cues of role per_side, count_cues.csv)."""
    doc, cues = span.doc, count_cues().get("per_side", frozenset())
    for i in range(span.end, min(span.end + 6, span.sent.end) - 2):
        if doc[i].is_punct:
            return count
        if doc[i].lower_ == "on" and doc[i + 1].lower_ in cues and doc[i + 2].lower_ == "side":
            def twice(value: Optional[int]) -> Optional[int]:
                return None if value is None else 2 * value
            return count.model_copy(update={"low": twice(count.low), "best": twice(count.best), "high": twice(count.high),
                                            "convention": twice(count.convention)})
    return count


def _spread_over(anchor: Token) -> Optional[int]:
    """How many days or places the figure's clause, or the clause it hangs on, spreads it over ("12
    killed over three days", "Two fatalities distributed across two days", "invaded two
    communities, killing 20", "attacked the villages of A, B and C, killing 26"), or None."""
    units = count_cues().get("spread_unit", frozenset())
    for clause in _clauses_of(anchor):
        for unit in (*_units(clause), *_subject_units(clause)):
            if unit.lemma_.lower() in units:
                number = _unit_number(unit)
                if number is not None and number >= 2:
                    return number
        for name in clause_names(clause):
            listed = places_listed(name)
            if listed >= 2:
                return listed
    return days_of_range(anchor.sent)


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


def days_of_range(sentence: Span) -> Optional[int]:
    """The days a range of dates in the figure's sentence names ("on 19 and 20 June", "3-5 May":
    2 and 3), or None: ACLED divides a toll told for several days among them. A range longer than
    a week is a period's statistic, not an incident's days, and is left whole."""
    for entity in span_ents(sentence):
        if entity.label_ != "DATE" or not any(token.lower_ in _MONTH_NAMES for token in entity):
            continue
        found = _DAY_RANGE.search(entity.text)
        if found is not None:
            first, last = int(found[1]), int(found[2])
            if 1 <= first < last <= 31 and last - first < _LONGEST_SPREAD_DAYS:
                return last - first + 1
    return _days_of_numeric_range(sentence.text)


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
    verb = anchor
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
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
        elif child.dep_ == "prep" and not (sides and child.lower_ == "between"):
            yield from (grand for grand in child.children if grand.dep_ == "pobj")


def _subject_units(verb: Token) -> Iterator[Token]:
    """The nouns of prepositions within the act a verb's subject names ("Clashes in A over two days
    left 6 dead", "Fighting over three days ... left 9 dead"), never the sides of a "between"."""
    for subject in (child for child in verb.children if child.dep_ in ("nsubj", "csubj") and child.pos_ in ("NOUN", "VERB")):
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
    if unit.tag_ == "NNS":
        for prep in (child for child in unit.children if child.dep_ == "prep" and child.lower_ == "of"):
            for first in (grand for grand in prep.children if grand.dep_ == "pobj"):
                listed = 1 + sum(1 for token in first.subtree
                                 if token.dep_ == "conj" and token.head.dep_ in ("pobj", "conj"))
                listed = max(listed, _names_listed(unit, prep))
                return listed if listed >= 2 else None
    return None


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


def _frames_a_counted_noun(noun: Token, owner_of_noun: dict[int, int]) -> bool:
    """ "4 members of one family", "30 fighters of one militia": a figure in the of-phrase of people
    already counted names the group they belong to, not more people."""
    of = noun.head
    return of.lower_ == "of" and of.dep_ == "prep" and of.head.i in owner_of_noun


def _harm_over_status(own: Optional[Trigger], anchor: Token) -> Optional[Trigger]:
    """ "executed 3 hostages", "killing 4 refugees": a noun naming people by what befell them
    before (held, displaced) yields to the word of killing or wounding that governs it; the noun's
    own outcome stands otherwise ("3 hostages were freed"), and so does "casualties", itself killed or
    wounded ("leaving 8 casualties, 2 of them dead": the parse may hang "dead" on "leaving")."""
    if own is None or own.kind in ("killed", "injured", "casualties"):
        return own
    governed = governing_trigger(anchor)
    if governed is None or governed[0] not in ("killed", "injured"):
        return own
    return None


def _partitive_parent(span: Span, noun: Token, counts: list[Count]) -> int | None:
    """Index of the count "2 of them" picks from ("killing 3 people, 2 of them children"; "of
    whom"): the last figure before it in its sentence, whose people these are again; else None."""
    if noun.lower_ not in ("them", "whom") or noun.head.lower_ != "of" or noun.head.i != span.end:
        return None
    start, sentence_start = span.start_char, span.sent.start_char
    before = [i for i, c in enumerate(counts) if c.span is not None and sentence_start <= c.span[0] < start]
    return before[-1] if before else None


def _among_the_told_dead(span: Span, anchor: Token, counts: list[Count]) -> int | None:
    """Index of the toll "Among the dead were 5 children" or "The dead include 5 children" picks
    from: the definite outcome noun ("the dead", "the victims") points back to the people a figure
    of its kind counted just before, in its sentence or the two before it in the paragraph (these
    are some of them, not more); else None, and the figure stands as a toll of at least these."""
    outcome = _definite_outcome_of(anchor)
    if outcome is None:
        return None
    doc, kind = span.doc, outcome.kind
    earliest = doc_sents(doc)[max(0, sentence_index(doc, span.start) - 2)].start_char
    text = doc_text(doc)
    for index in range(len(counts) - 1, -1, -1):
        count = counts[index]
        if count.span is None or count.span[0] >= span.start_char:
            continue
        if count.span[0] < earliest or "\n\n" in text[count.span[1]:span.start_char]:
            return None
        if count.kind == kind and count.part_of is None and count.best is not None:
            return index
    return None


def _definite_outcome_of(anchor: Token) -> Optional[Trigger]:
    """The outcome noun with a definite determiner the counted phrase is told as part of: "Among the
    dead were 5 children" (a part cue's object), "The victims included 5 children" (a part verb's
    subject); a group listed after the first ("5 children and 2 women") is told as part of it too."""
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head
    verb = anchor.head
    if anchor.dep_ not in ("attr", "nsubj", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    part = count_cues().get("part", frozenset())
    if anchor.dep_ == "dobj" and verb.lemma_.lower() in part:
        outcomes = [c for c in verb.children if c.dep_ == "nsubj"]
    elif anchor.dep_ != "dobj":
        outcomes = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in part for o in c.children if o.dep_ == "pobj"]
    else:
        return None
    for outcome in outcomes:
        trigger = trigger_for(outcome)
        if trigger is not None and trigger.role == "noun" and _definite(outcome):
            return trigger
    return None


def _colon_parent(span: Span, counts: list[Count]) -> int | None:
    """Index of the count a breakdown after a colon details ("left 7 dead: 4 soldiers and 3
    civilians"): the last figure before the colon in the sentence, with no verb between the colon
    and this figure; else None."""
    doc = span.doc
    colon = next((i for i in range(span.start - 1, span.sent.start - 1, -1) if doc[i].text == ":"), None)
    if colon is None or any(t.pos_ in ("VERB", "AUX") for t in doc[colon + 1 : span.start]):
        return None
    end = doc[colon].idx
    before = [i for i, c in enumerate(counts) if c.span is not None and span.sent.start_char <= c.span[0] and c.span[1] <= end]
    return before[-1] if before else None


def _fronted_part_parent(span: Span, counts: list[Count]) -> int | None:
    """Index of the count a fronted "among them 3 children" ("killing 8, among them 3 children";
    "among whom", "of them", "of whom") details: the last figure before it in its sentence, whose
    people these are again; else None. The parse may hang the figure on the verb, not the cue."""
    doc = span.doc
    if span.start < span.sent.start + 3:
        return None
    cue, pronoun = doc[span.start - 2], doc[span.start - 1]
    if cue.lower_ not in ("among", "of") or pronoun.lower_ not in ("them", "whom") or doc[span.start - 3].text != ",":
        return None
    start, sentence_start = span.start_char, span.sent.start_char
    before = [i for i, c in enumerate(counts) if c.span is not None and sentence_start <= c.span[0] < start]
    return before[-1] if before else None


def _running_total_of(span: Span, kind: str, counts: list[Count]) -> Optional[int]:
    """ "the toll had risen to eight after three of the wounded died": people picked out of those
    told before, in the sentence of a running total of their outcome, are within that total."""
    sentence = span.sent
    for index in range(len(counts) - 1, -1, -1):
        count = counts[index]
        if count.span[0] < sentence.start_char:
            break
        if count.total and count.kind == kind:
            return index
    return None


def _picks_from_told(span: Span, noun: Token) -> bool:
    """ "One of the victims", "two of the dead": a figure picking some people out of an outcome
    already told ("the victims") says nothing new of them unless a word of its own says what
    happened to them ("Two of the wounded later died")."""
    if noun.i < span.end or noun.head.lower_ != "of" or noun.head.i != span.end:
        return False
    trigger = trigger_for(noun)
    if trigger is not None and trigger.role != "noun":
        trigger = count_triggers().get(noun.lower_)  # "the wounded": the adjective's row, not the verb's
    return _definite(noun) and trigger is not None and trigger.role == "noun"


def _definite(noun: Token) -> bool:
    """Does a definite determiner or a possessive go with the noun ("the dead", "their victims"),
    not "a"/"an"? A definite outcome noun points back to people already told."""
    return any(child.dep_ in ("det", "poss") and child.lower_ not in ("a", "an") for child in noun.children)


def _is_not_a_head_count(span: Span) -> bool:
    """Dates, money, ages, percentages, "seven-day" compounds and ACLED "[size=...]" notes."""
    doc = span.doc
    if any(token.ent_type_ in NOT_COUNT_ENTITIES for token in span):
        return True
    not_count = count_cues().get("not_count", frozenset())
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in ("no", "neither"):
        return True  # "no one was killed" is an explicit zero, read by zero_counts
    if before is not None and (before.lower_ in not_count or before.lemma_.lower() in not_count):
        return True
    if after is not None and after.lower_ in _MONTH_NAMES and after.is_title:
        return True  # "Around 8 May 2020": a day of the month the NER did not tag
    if after is not None and after.text == "-" and span.end + 1 < len(doc):
        return True  # "seven-day", "25-year-old", "two-thirds": an adjective or a share
    if after is not None and (after.lemma_.lower() in not_count or after.lower_ in not_count):
        return True
    if after is not None and after.lemma_ == "year" and span.end + 1 < len(doc):
        return doc[span.end + 1].lower_ == "old"
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return bool(_SIZE_NOTE.search(text[line_start : span.start_char]))


def _counted_noun(span: Span) -> tuple[Token, Token]:
    """(the noun the figure counts, the token standing for the whole phrase in the parse).

    "320 civilians" -> (civilians, civilians); "killed dozens" -> (dozens, dozens);
    "dozens of civilians" -> (civilians, dozens): the phrase's role is the role of "dozens".
    """
    root = span.root
    last = span[-1]
    if last.lower_ == "of":
        objects = [child for child in last.children if child.dep_ == "pobj"]
        if objects:
            return objects[0], root
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == span.end:
            objects = [grand for grand in child.children if grand.dep_ == "pobj"]
            if objects:
                return objects[0], root
    if any(child.i == span.end and child.dep_ in ("acl", "amod") and trigger_for(child) for child in root.children):
        return root, root  # "at least 30 wounded in clashes": the figure carries its outcome word
    if (root.dep_ in ("nummod", "quantmod", "compound", "amod", "det", "advmod") and root.head.i >= span.end
            and not _BLANK_LINE.search(root.doc.text, root.idx, root.head.idx)):
        return root.head, root.head  # never a noun past a blank line: "kills 14\n\nKABUL (Reuters)"
    if root.pos_ not in ("NOUN", "PROPN", "PRON"):
        # "between 5 and 8 people", "fifteen (15) people": the parse hangs the range's opener or the
        # bracketed digits outside the phrase, but a figure of it still counts the noun after it
        for token in span:
            if (token.dep_ == "nummod" and token.head.i >= span.end and token.head.pos_ in ("NOUN", "PROPN")
                    and not _BLANK_LINE.search(root.doc.text, token.idx, token.head.idx)):
                return token.head, token.head
        after = root.doc[span.end] if span.end < len(root.doc) else None
        if span[-1].text == ")" and after is not None and after.pos_ in ("NOUN", "PROPN"):
            return after, after
    return root, root


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _noun_trigger(noun: Token) -> Optional[Trigger]:
    """A trigger the counted noun carries itself: "eight deaths", "wounded civilians", "people killed"."""
    own = trigger_for(noun)
    if own is not None and own.role == "noun":
        return own
    for child in noun.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.i != noun.i:
            trigger = trigger_for(child)
            if trigger is not None and (trigger.role != "object" or child.tag_ in ("VBN", "JJ")):
                return trigger
    for child in noun.children:
        # "25 rebel fighters and 6 military fatalities": the counted outcome of the last conjunct
        # says what happened to every counted group of the list
        trigger = trigger_for(child) if child.dep_ == "conj" else None
        if trigger is not None and trigger.role == "noun" and any(g.dep_ == "nummod" for g in child.children):
            return trigger
    return None


def _trailing_trigger(span: Span, noun: Token) -> Optional[Trigger]:
    """A figure right before its outcome word ("1 injured", "5 dead", "3 wounded"), or its counted
    noun right before it ("18 fighters dead", "left seven rebels dead and others captured"): in
    English that word, put after the people, says what happened to them (a secondary predicate),
    whatever the parse hangs the figure on. A group's name with a possessive (or the apostrophe
    older notes put on a plural) before the outcome noun is the same ("18 Tembo's dead": the
    Tembo's dead, 18 of them); so is a hedging adverb between them ("3 civilians reportedly killed"),
    or a report's participle with the people after a bare figure ("Four reported militants dead").
    """
    last = max(span.end - 1, noun.i)
    if noun.i < span.start or (noun.i >= span.end and noun.i != last):
        return None
    listed = [conj for conj in noun.conjuncts if conj.i > noun.i]
    if listed and not any(conj.dep_ == "conj" and conj.head.i == noun.i for conj in noun.children):
        listed = []
    if listed:
        last = max(conj.i for conj in listed)  # "left 3 soldiers and 5 militants dead": said of every group listed
    if last + 2 < len(span.doc) and span.doc[last + 1].tag_ == "POS" and noun.pos_ == "PROPN":
        last += 1  # "and 18 Tembo's dead": a group's possessive before the outcome noun (its dead)
    last = past_hedges(span.doc, last)
    last = past_reported_names(span.doc, last, bare=span.start <= noun.i < span.end)
    if last + 1 >= len(span.doc):
        return None
    after = span.doc[last + 1]
    trigger = trigger_for(after)
    if trigger is None or (trigger.role != "noun" and after.tag_ not in ("VBN", "JJ") and not _reduced_passive(after)):
        return None
    return trigger


def _reduced_passive(verb: Token) -> bool:
    """ "Five soldiers wounded.": a word of killing or wounding tagged as a past tense with no
    object of its own is a passive with its auxiliary dropped, as terse notes and headlines write."""
    trigger = trigger_for(verb)
    return (verb.tag_ == "VBD" and trigger is not None and trigger.kind in ("killed", "injured")
            and not has_own_victims(verb))


def _dead_or_wounded_after(span: Span, noun: Token) -> bool:
    """ "leaving seven Alpha Beta dead": people are what is left dead or wounded, whatever noun or
    name counts them (a group's name is no victim noun), unless the noun names animals."""
    trigger = _trailing_trigger(span, noun)
    return (trigger is not None and trigger.kind in ("killed", "injured") and noun.pos_ in ("NOUN", "PROPN")
            and noun.lemma_.lower() not in count_cues().get("animal", frozenset()))


def _counts_people(noun: Token, span: Span) -> bool:
    """Whether the figure counts people: a victim noun, a nationality, or a bare figure."""
    if span.start <= noun.i < span.end:
        return True  # "killed dozens", "12 were killed": the governing word decides
    return is_victim_noun(noun)


def _nesting_parent(anchor: Token, owner_of_noun: dict[int, int]) -> Optional[int]:
    """Index of the count this one is part of ("..., including some 40 children"), or None (also for
    a negated cue: "not including the attackers" counts other people)."""
    part_cues = count_cues().get("part", frozenset())
    token, seen_cue = anchor, False
    for _ in range(4):
        if token.head is token:
            return None
        head = token.head
        if head.lower_ in part_cues or head.lemma_.lower() in part_cues:
            if any(child.dep_ == "neg" for child in head.children):
                return None  # "six guards, not including the three attackers": other people, not a part
            seen_cue = True
        elif seen_cue and head.i in owner_of_noun:
            return owner_of_noun[head.i]
        elif head.pos_ in ("VERB", "AUX") and not seen_cue:
            return None
        token = head
    return None


def _bracketed_parent(span: Span, owner_of_noun: dict[int, int]) -> Optional[int]:
    """Index of the count a bracketed breakdown details ("5 civilians (2 men, 2 women and 1
    child) were killed"), or None: the figures in the brackets are the same people again."""
    doc, depth = span.doc, 0
    for i in range(span.start - 1, span.sent.start - 1, -1):
        if doc[i].text == ")":
            depth += 1
        elif doc[i].text == "(":
            if depth == 0:
                return owner_of_noun.get(i - 1) if i > span.sent.start else None
            depth -= 1
    return None


def _is_total(span: Span, anchor: Token) -> bool:
    """A running total: "a total of eight deaths", "the death toll rose to 20", "40 in all"."""
    totals = count_cues().get("total", frozenset())
    doc = span.doc
    if is_summary_line(span):
        return True
    window = doc[max(span.sent.start, span.start - 3) : span.start]
    if any(token.lemma_.lower() in totals for token in window):
        return True
    token = anchor
    for _ in range(4):
        if token.head is token:
            return False
        token = token.head
        if token.lemma_.lower() in totals:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return tally_noun(token) is not None or any(
                child.lemma_.lower() in totals for child in token.children if child.dep_ == "advmod"
            )
    return False


def is_summary_line(span: Span) -> bool:
    """A verbless line of figures closing a report ("2 fatalities.", "1 fatality, 2 injured."):
    the writer's tally of the incident, so a total rather than one more group of victims.

    The line runs between the full stops around the figure: the parser may glue an unpunctuated
    last line ("... in Colonia Brisas del Rio. 1 fatality") to the sentence before it.
    """
    doc, sentence = span.doc, span.sent
    start = span.start
    while start > sentence.start and doc[start - 1].text not in (".", ";", "\n"):
        start -= 1
    end = span.end
    while end < sentence.end and doc[end].text not in (".", ";"):
        end += 1
    line = doc[start:end]
    if any(token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN", "PRON")
           and token.head.tag_ in FINITE_TAGS for token in line):
        return False  # "Three soldiers died in the attack.": a sentence, not a tally ("3 soldiers killed.")
    if any(token.dep_ in ("nsubj", "nsubjpass") and token.head.tag_ in FINITE_TAGS
           and any(child.dep_ == "prep" and child.lower_ == "of" for child in token.children) for token in line):
        return False  # "Two of the wounded later died.": a figure picked out of others, told in a sentence
    if any(token.lower_ in count_cues().get("distinct", frozenset()) and token.nbor(1).lower_ != "than"
           for token in doc[start:min(span.end + 1, len(doc) - 1)]):
        return False  # "killing 6; 2 more died of their wounds later": more victims, not the tally of all
    return not any(token.pos_ in ("VERB", "AUX") and trigger_for(token) is None for token in line)


def background_clause(token: Token) -> Optional[Token]:
    """The head of the clause of earlier events ``token`` sits in, or None.

    "inhabitants attacked police after two children were killed": "two children" sits in the
    clause headed by "killed", opened by "after" (a ``background`` cue of count_cues.csv). A
    figure there counts that earlier incident, not the one of the main clause.
    """
    cues = count_cues().get("background", frozenset())
    sentence = token.sent  # the walk stays in it: without a cue word there, no clause to find
    if cues.isdisjoint(doc_lowers(token.doc)[sentence.start : sentence.end]):
        return None
    current = token
    for _ in range(12):
        if any(child.dep_ == "mark" and child.lower_ in cues for child in current.children):
            return current
        if current.dep_ == "pobj" and current.head.lower_ in cues:
            return current
        if current.head is current:
            return None
        current = current.head
    return None
