"""Find casualty and displacement figures ("killing 69 people", "31,000 civilians have fled").

A figure is a count only when the dependency parse ties it to a word that says what happened to
the people counted (``data/count_kinds.csv``) and it counts people (``data/count_victims.csv``,
a nationality, or the outcome noun itself: "eight deaths"). That keeps "Two airstrikes",
"seven-day", "50 percent" and dates out without a list of exceptions per article.

The words and their grammar are `strife.extract.count_words`; people counted without a numeral
("another soldier", "killing him") and explicit zeros are `strife.extract.unnumbered`. Which
earlier figure a figure details is `strife.extract.count_parts`, whether it is a total
`strife.extract.count_totals`, over how many days or places it is spread
`strife.extract.count_spread`; this module reads each figure and what it counts.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from strife.conventions import vague_figure
from strife.extract import doc_lowers, doc_text, figure_root
from strife.extract.count_parts import frames_a_counted_noun, part_of_count, picks_from_told, running_total_of
from strife.extract.count_spread import spread_over
from strife.extract.count_totals import is_summary_line, is_total, listed_in_tally
from strife.extract.count_words import (
    MONTH_NAMES, NOT_COUNT_ENTITIES, Trigger, another_source, count_cues, count_triggers, subject_fate, governing_trigger, has_own_victims, is_victim_noun,
    later_death, past_hedges, past_reported_names, surely_harmed, trigger_for, victims_of)
from strife.extract.numbers import Quantity, match_quantity, may_start_quantity, number_words
from strife.extract.quotes import speech_verb
from strife.extract.unnumbered import plural_outcomes, singular_counts, zero_counts
from strife.model import Count

#: How far (tokens) a figure may reach; longer quantity phrases do not occur in news text.
MAX_QUANTITY_TOKENS = 12
_SIZE_NOTE = re.compile(r"\[\s*size\s*=[^\]]*$", re.IGNORECASE)


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
        figure_kinds = {noun: (counts[at].kind, counts[at].confidence) for noun, at in owner_of_noun.items()
                        if at >= first and counts[at].kind is not None}
        counts.extend(listed_in_tally(singular_counts(sentence, owner_of_noun, kinds, figures, figure_kinds), sentence))
        counts.extend(_died_of_wounds(counts[first:], doc))
        if not any(count.kind == "killed" for count in counts[first:]):
            counts.extend(plural_outcomes(sentence, figures))
    return counts


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


def _died_of_wounds(told: list[Count], doc: Doc) -> list[Count]:
    """ "Three people were wounded and later died in hospital", "a student was wounded and later
    succumbed": the wounded subject of a verb with a verb of dying conjoined after it, with no
    subject of its own, are dead too (`later_death`); ACLED counts a wounded person who died of the
    wounds among the event's fatalities. Each such figure of wounded gives a figure of dead."""
    died = []
    for count in told:
        if count.kind != "injured" or count.span is None or count.part_of is not None:
            continue
        words = doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
        death = later_death(words.root) if words is not None and len(words) else None
        if death is not None:
            died.append(count.model_copy(update={"kind": death.kind, "confidence": round(count.confidence * 0.9, 3)}))
    return died


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
    if frames_a_counted_noun(noun, owner_of_noun, span) or _counts_sides(noun):
        return None
    partitive = picks_from_told(span, noun)
    noun_trigger = None if partitive else subject_fate(_noun_trigger(noun), noun)
    if (noun_trigger is None and not _counts_people(noun, span) and not surely_harmed(noun, anchor)
            and not _dead_or_wounded_after(span, noun)):
        if not partitive:
            return None
    parent = part_of_count(span, noun, anchor, owner_of_noun, counts)
    if parent is not None and _more_than_its_whole(quantity, counts[parent]):
        parent = None
    # "2 dead and 40 arrested", "Two killed, several arrested": the word after a figure says what
    # befell its people, whatever the word of killing the list began with; a noun naming people by
    # what befell them before ("executed 3 hostages") yields to the word of killing
    bare = span.start <= noun.i < span.end
    if noun_trigger is None and not partitive:  # "Two of the 8 wounded later died": the word told them before
        noun_trigger = _trailing_trigger(span, noun)
    elif not bare:
        noun_trigger = _harm_over_status(noun_trigger, anchor, noun)
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
        governed = governing_trigger(anchor) or _conjunct_outcome(noun, span) or _rival_figure(span, noun, counts)
        if governed is None:
            return None
        kind, confidence = governed
    if partitive and parent is None:
        parent = running_total_of(span, kind, counts)
    if kind == "casualties" and (_told_fatal(noun) or (parent is not None and _said_fatal(span.root))):
        kind = "killed"
    if kind == "injured" and _fatally(anchor):
        kind = "killed"  # "injuring 4, one fatally": the one died of the wounds
    if parent is not None and counts[parent].kind == "casualties" and kind != "casualties":
        parent = None  # "12 casualties, including 3 dead": the dead are the toll, not a part of it
    if parent is not None and counts[parent].kind == "injured" and kind == "killed":
        parent = None  # "3 soldiers were wounded; one of them later died": a death, no part of the wounded's count
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
        total=is_total(span, anchor),
        part_of=parent,
        approximate=quantity.approximate,
        vague=quantity.vague,
        convention=vague_figure(span.text) if quantity.vague and quantity.best is None else None,
        split_over=spread_over(anchor),
        confidence=round(min(confidence, 1.0), 3),
    )
    return _per_side(count, span), noun


def _counts_sides(noun: Token) -> bool:
    """ "5 dead on one side and 3 on the other", "killed from two clans": a figure of the sides of a
    fight in a phrase of where the dead were counts sides (count_cues.csv, role side_noun), not people."""
    return (noun.lemma_.lower() in count_cues().get("side_noun", frozenset()) and noun.dep_ == "pobj"
            and noun.head.lower_ in ("on", "from"))


def _more_than_its_whole(quantity: Quantity, whole: Count) -> bool:
    """ "stormed a post, killing three policemen, before police killed four of them": a part is never
    more than the people it is picked from, so a figure above the exact figure its pronoun or cue
    seems to point back to counts other people ("them", the attackers)."""
    return quantity.low is not None and whole.best is not None and not whole.vague and quantity.low > whole.best


#: Where the parse puts a bare figure a speech verb says ("the army said 2"): its object, or an adverbial noun.
_SAID_FIGURE = ("dobj", "npadvmod")


def _rival_figure(span: Span, noun: Token, counts: list[Count]) -> tuple[str, float] | None:
    """ "the rebels say 20 soldiers died, the army says 6": a bare figure, the object of a speech verb
    with a subject of its own, after a figure of dead or wounded in the same sentence, is another
    source's figure of those people (a rival account, `strife.extract.tolls`), whatever the parse
    hangs the earlier clause on; so is one "another source" gives after a figure told with no source
    ("11 dead, another source says 4")."""
    verb = noun.head
    if not (span.start <= noun.i < span.end and noun.like_num and noun.dep_ in _SAID_FIGURE and verb.i < noun.i):
        return None
    subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    if speech_verb(verb) is None or subject is None:
        return None
    sentence = span.sent
    earlier = [c for c in counts if c.span is not None and sentence.start_char <= c.span[0] < span.start_char
               and c.kind in ("killed", "injured")]
    if not earlier:
        return None
    said_by = _said_by(earlier[-1], span.doc)
    told_by_its_own_source = said_by is not None and said_by.i != verb.i
    if told_by_its_own_source or another_source(" ".join(t.lower_ for t in subject.subtree)):
        return earlier[-1].kind, earlier[-1].confidence * 0.85
    return None


def _said_by(count: Count, doc: Doc) -> Token | None:
    """The speech verb with a subject of its own that gives the figure ("the rebels say 20 died"), or None."""
    token = figure = figure_root(count, doc)
    for _ in range(6):
        if token is None or token.head is token:
            return None
        token = token.head
        if speech_verb(token) is not None and any(child.dep_ == "nsubj" for child in token.children):
            if token.i > figure.i and any(child.dep_ in _SAID_FIGURE and child.like_num and child.i > token.i
                                          for child in token.children):
                continue  # "the opposition said 6 died, the government said 2": the later verb says the 2
            return token
    return None


def _fatally(anchor: Token) -> bool:
    """ "injuring 4, one fatally", "wounding three, two of them fatally": a figure followed by an
    adverb that, with the verb governing the figure, is a word of killing in count_kinds.csv
    ("fatally injure") tells those people's harm with the verb left elided: they died of it."""
    doc, after = anchor.doc, anchor.right_edge.i + 1
    verb = next((head for head in anchor.ancestors if head.pos_ == "VERB"), None)
    adverbs = [child for child in anchor.children if child.dep_ == "advmod" and child.i > anchor.i]
    adverbs += [doc[after]] if after < len(doc) and doc[after].pos_ == "ADV" else []
    found = [count_triggers().get(f"{adverb.lower_} {verb.lemma_.lower()}") for adverb in adverbs] if verb else []
    return any(trigger is not None and trigger.kind == "killed" for trigger in found)


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


def _said_fatal(figure: Token) -> bool:
    """ "Ten casualties, two of them fatal", "... at least 3 of them were fatal": a figure picked from
    casualties whose predicate is a word of role fatal (count_cues.csv) counts the dead among them."""
    if figure.dep_ not in ("nsubj", "nsubjpass"):
        return False
    fatal = count_cues().get("fatal", frozenset())
    head = figure.head
    return head.lower_ in fatal or any(c.dep_ in ("acomp", "attr") and c.lower_ in fatal for c in head.children)


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

    def twice(value: Optional[int]) -> Optional[int]:
        return None if value is None else 2 * value
    doubled = count.model_copy(update={"low": twice(count.low), "best": twice(count.best), "high": twice(count.high),
                                       "convention": twice(count.convention)})
    if _each_sides_figure(span, cues) or _each_groups_dead(span, cues):
        return doubled
    for i in range(span.end, min(span.end + 6, span.sent.end) - 2):
        if doc[i].is_punct:
            return count
        if doc[i].lower_ == "on" and doc[i + 1].lower_ in cues and doc[i + 2].lower_ == "side":
            return doubled
    return count


def _each_sides_figure(span: Span, cues: frozenset[str]) -> bool:
    """ "Each side claimed to have killed 10 of the other's fighters": a figure said by each of the
    two sides (the subject "side" with a per_side cue, or "both sides" of figures "of the other's") is
    each side's, told twice over: ACLED sums every side's dead, so the toll is twice it."""
    token = span.root
    for _ in range(4):
        if token.dep_ not in ("dobj", "nsubjpass", "xcomp", "ccomp") or token.head is token:
            return False
        token = token.head
        for subject in (child for child in token.children if child.dep_ == "nsubj" and child.lemma_.lower() == "side"):
            dets = {child.lower_ for child in subject.children if child.dep_ in ("det", "predet")}
            if dets & cues or ("both" in dets and any(t.lower_ == "other" for t in span.root.subtree)):
                return True
    return False


def _each_groups_dead(span: Span, cues: frozenset[str]) -> bool:
    """ "each clan lost three men", "two men from each clan were killed", "2 people of each sect": the
    people counted are each side's (a side noun, cue role side_noun, with a per_side word), so the
    toll is twice the figure, as for "on each side"."""
    root = span.root
    noun = root.head if root.dep_ == "nummod" else root

    def each_side(word: Token) -> bool:
        return (word.lemma_.lower() in count_cues().get("side_noun", frozenset())
                and any(child.dep_ == "det" and child.lower_ in cues for child in word.children))
    for prep in (child for child in noun.children if child.dep_ == "prep" and child.lower_ in ("of", "from")):
        if any(each_side(pobj) for pobj in prep.children if pobj.dep_ == "pobj"):
            return True
    return noun.dep_ == "dobj" and any(each_side(child) for child in noun.head.children if child.dep_ == "nsubj")


def _harm_over_status(own: Optional[Trigger], anchor: Token, noun: Token) -> Optional[Trigger]:
    """ "executed 3 hostages", "killing 4 refugees": a noun naming people by what befell them
    before (held, displaced) yields to the word of killing or wounding that governs it; the noun's
    own outcome stands otherwise ("3 hostages were freed"), and so does "casualties", itself killed or
    wounded ("leaving 8 casualties, 2 of them dead": the parse may hang "dead" on "leaving"). So do
    the wounded named as who they were ("Two of the injured policemen later succumbed"): a word of
    dying over them says they died of the wounds, which ACLED counts among the event's dead."""
    if own is not None and own.kind == "injured" and _wounded_as_who_they_were(own, noun):
        governed = governing_trigger(anchor)
        return Trigger(governed[0], "noun", governed[1]) if governed is not None and governed[0] == "killed" else own
    if own is None or own.kind in ("killed", "injured", "casualties"):
        return own
    governed = governing_trigger(anchor)
    if governed is None or governed[0] not in ("killed", "injured"):
        return own
    return None


def _wounded_as_who_they_were(own: Trigger, noun: Token) -> bool:
    """The noun's outcome is an adjective or participle before it ("the injured policemen")."""
    return any(child.dep_ == "amod" and child.i < noun.i and trigger_for(child) == own for child in noun.children)


def _people_tagged_a_quantity(span: Span) -> bool:
    """ "8 assailants were killed": the entity tagger may read a numeral and its plural noun as a
    measure (QUANTITY, as "5 km"); a numeral that counts a noun of people (``count_victims.csv``)
    is a head count all the same."""
    if any(token.ent_type_ in NOT_COUNT_ENTITIES and token.ent_type_ != "QUANTITY" for token in span):
        return False
    nouns = [token if token.pos_ == "NOUN" else token.head for token in span
             if token.ent_type_ == "QUANTITY" and (token.pos_ == "NOUN" or token.dep_ == "nummod")]
    return bool(nouns) and all(noun.pos_ == "NOUN" and is_victim_noun(noun) for noun in nouns)


def _range_of_people_tagged_a_date(span: Span) -> bool:
    """ "Between 6 and 10 civilians were killed": the entity tagger may read a range of bare numerals
    opening a sentence as a date (as in "between 6 and 10 June"); a range whose figures count a noun
    of people (``count_victims.csv``) right after it is a head count, as a date's figures count days,
    months or years, which are no people."""
    if not any(token.ent_type_ == "DATE" for token in span) or span.end >= len(span.doc):
        return False
    if any(token.ent_type_ in NOT_COUNT_ENTITIES and token.ent_type_ != "DATE" for token in span):
        return False
    if not all(token.like_num or token.lower_ in ("between", "from", "and", "to", "-")
               or number_words().get(token.lower_, (None, ""))[1] == "hedge" for token in span):  # "and possibly 8"
        return False
    noun = span.doc[span.end]
    return (noun.pos_ == "NOUN" and is_victim_noun(noun)
            and any(token.dep_ == "nummod" and token.head.i == noun.i for token in span))


def _is_not_a_head_count(span: Span) -> bool:
    """Dates, money, ages, percentages, "seven-day" compounds and ACLED "[size=...]" notes."""
    doc = span.doc
    if any(token.ent_type_ in NOT_COUNT_ENTITIES for token in span) and not _lone_number_word(span) \
            and not _people_tagged_a_quantity(span) and not _range_of_people_tagged_a_date(span):
        return True
    not_count = count_cues().get("not_count", frozenset())
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in ("no", "neither"):
        return True  # "no one was killed" is an explicit zero, read by zero_counts
    if before is not None and (before.lower_ in not_count or before.lemma_.lower() in not_count):
        return True
    if after is not None and after.lower_ in MONTH_NAMES and after.is_title:
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


def _lone_number_word(span: Span) -> bool:
    """ "killing nineteen.": a cardinal spelled out in one word, the whole of the entity the NER tagged
    a date or a time and the object or subject of a word of killing or wounding, is a head count: a
    year or an hour is written in digits or with a unit ("in nineteen ninety", "at four o'clock")."""
    if len(span) != 1 or not span[0].is_alpha or span[0].tag_ != "CD":
        return False
    token = span[0]
    if token.ent_iob_ != "B" or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I"):
        return False  # "two days", "three weeks": the entity is a length of time
    if token.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return False
    trigger = trigger_for(token.head)
    return trigger is not None and trigger.kind in ("killed", "injured")


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
            and not _BLANK_LINE.search(doc_text(root.doc), root.idx, root.head.idx)):
        return root.head, root.head  # never a noun past a blank line: "kills 14\n\nKABUL (Reuters)"
    if root.pos_ not in ("NOUN", "PROPN", "PRON"):
        # "between 5 and 8 people", "fifteen (15) people": the parse hangs the range's opener or the
        # bracketed digits outside the phrase, but a figure of it still counts the noun after it
        for token in span:
            if (token.dep_ == "nummod" and token.head.i >= span.end and token.head.pos_ in ("NOUN", "PROPN")
                    and not _BLANK_LINE.search(doc_text(root.doc), token.idx, token.head.idx)):
                return token.head, token.head
        after = root.doc[span.end] if span.end < len(root.doc) else None
        if span[-1].text == ")" and after is not None and after.pos_ in ("NOUN", "PROPN"):
            return after, after
        if after is not None and after.tag_ == "NNS" and is_victim_noun(after) and root.pos_ == "ADP":
            return after, after  # "Over a dozen civilians were killed": the parse made the figure a phrase of "over"
        if _bounds_set_off(span):  # "At least 7, and possibly as many as 15, civilians were killed"
            noun = root.doc[span.end + 1]  # the figure stands for the phrase where the parse made it an argument
            return noun, root if root.dep_ in ("dobj", "nsubjpass", "nsubj") else noun
    return root, root


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _bounds_set_off(span: Span) -> bool:
    """ "At least 7, and possibly as many as 15, civilians": a figure of two bounds joined across a
    comma (`strife.extract.numbers`) and closed by another is set off before the people it counts,
    a noun of people right after the closing comma, however the parse hangs the bounds."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or not any(token.text == "," for token in span):
        return False
    noun = doc[span.end + 1]
    return noun.pos_ == "NOUN" and is_victim_noun(noun)


def _noun_trigger(noun: Token) -> Optional[Trigger]:
    """A trigger the counted noun carries itself: "eight deaths", "wounded civilians", "people killed"."""
    own = trigger_for(noun)
    if own is not None and own.role == "noun":
        return own
    for child in noun.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.i != noun.i and not _fate_of_a_part(child):
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


def _fate_of_a_part(clause: Token) -> bool:
    """ "wounding 3 people, one of whom died later": a relative clause whose subject picks some of the
    noun's people ("one of whom", "two of which") tells their fate, not the fate of all of them."""
    for subject in (child for child in clause.children if child.dep_ in ("nsubj", "nsubjpass")):
        if any(child.dep_ == "prep" and child.lower_ == "of"
               and any(g.lower_ in ("whom", "which") for g in child.children) for child in subject.children):
            return True
    return False


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
    own = _own_outcome_word(span, noun)
    if own is not None:
        return own  # "one killed and four injured": each figure's own word, not the list's last
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
    after = _subjectless_passive(span.doc[last + 1])
    trigger = trigger_for(after)
    if trigger is None or (trigger.role != "noun" and after.tag_ not in ("VBN", "JJ") and not _reduced_passive(after)):
        return None
    return trigger


def _own_outcome_word(span: Span, noun: Token) -> Trigger | None:
    """ "one killed and four injured", "1 killed 4 injured": on a tally line in brief, a bare figure
    right before its participle of killing or wounding, with another bare figure and its own
    participle after it, is said to have that outcome, not the outcome of the last figure listed."""
    doc, last = span.doc, span.end - 1
    if not span.start <= noun.i < span.end or last + 3 >= len(doc):
        return None
    trigger = _bare_outcome(doc[last + 1])
    if trigger is None:
        return None
    following = last + 2 + (doc[last + 2].lower_ in ("and", ","))
    if following + 1 >= len(doc) or not doc[following].like_num:
        return None
    return trigger if _bare_outcome(doc[following + 1]) is not None else None


def _bare_outcome(word: Token) -> Trigger | None:
    """The word's trigger when it is a participle or adjective of killing or wounding."""
    trigger = trigger_for(word)
    if trigger is None or trigger.kind not in ("killed", "injured") or word.tag_ not in ("VBN", "VBD", "JJ"):
        return None
    return trigger


def _subjectless_passive(token: Token) -> Token:
    """ "3 soldiers embraced shahadat and 5 militants were killed": the parser may join the people to
    the object before them and leave the passive after them with no subject; the people right before
    its auxiliary are that subject, so the participle is their outcome word. Else ``token`` itself."""
    verb = token.head
    if token.dep_ != "auxpass" or verb.i <= token.i or verb.tag_ != "VBN" or verb.i - token.i > 2:
        return token
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children):
        return token
    return verb


def _reduced_passive(verb: Token) -> bool:
    """ "Five soldiers wounded.": a word of killing or wounding tagged as a past tense with no
    object of its own is a passive with its auxiliary dropped, as terse notes and headlines write."""
    trigger = trigger_for(verb)
    return (verb.tag_ == "VBD" and trigger is not None and trigger.kind in ("killed", "injured")
            and not any(child.dep_ in ("dobj", "nsubjpass") and not _figure_with_own_outcome(child)
                        for child in verb.children))


def _figure_with_own_outcome(token: Token) -> bool:
    """ "1 killed 4 injured": the parse may make the second figure of a tally line the object of the
    first figure's participle; a bare figure carrying its own outcome word is no victim of it."""
    return token.like_num and any(
        child.dep_ in ("acl", "amod") and trigger_for(child) is not None for child in token.children)


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
    return is_victim_noun(noun) or _own_people(noun)


def _own_people(noun: Token) -> bool:
    """ "the army lost four of its own": "own" after a possessive, the object of a figure's "of",
    stands for the owner's own people (its members), whom the figure counts."""
    return (noun.lower_ == "own" and noun.dep_ == "pobj" and noun.head.lower_ == "of"
            and any(child.dep_ == "poss" for child in noun.children))
