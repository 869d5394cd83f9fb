"""Find casualty and displacement figures ("killing 69 people", "31,000 civilians have fled").

A figure is a count only when the dependency parse ties it to a word that says what happened to
the people counted (``data/count_kinds.csv``) and it counts people (``data/count_victims.csv``,
a nationality, or the outcome noun itself: "eight deaths"). That keeps "Two airstrikes",
"seven-day", "50 percent" and dates out without a list of exceptions per article.

Role matters: in "3 soldiers killed 5 militants" the soldiers are the killers, so a figure in the
active subject of a transitive trigger is never a victim count.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from strife.extract import doc_text
from strife.extract.numbers import Quantity, match_quantity, may_start_quantity
from strife.model import Count
from strife.datafiles import read_data_csv as _data_rows

#: Entity labels of spaCy that mark a figure as something other than a head count.
NOT_COUNT_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
#: How far (tokens) a figure may reach; longer quantity phrases do not occur in news text.
MAX_QUANTITY_TOKENS = 12
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_OBJECTS = ("dobj", "nsubjpass", "attr", "oprd", "dative", "pobj", "appos")
_CLIMB_THROUGH = ("prep", "pobj", "conj", "appos", "cc", "npadvmod", "quantmod", "nummod", "amod")
_MONTH_NAMES = frozenset(name.lower() for name in [*calendar.month_name, *calendar.month_abbr] if name)
_SIZE_NOTE = re.compile(r"\[\s*size\s*=[^\]]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    """One row of count_kinds.csv: what a word says happened, and where its victims sit."""

    kind: str
    role: str
    confidence: float



@lru_cache(maxsize=1)
def count_triggers() -> dict[str, Trigger]:
    """Lemma (or two-word phrase) -> Trigger, from ``data/count_kinds.csv``."""
    return {
        row["lemma"].lower(): Trigger(row["kind"], row["role"], float(row["confidence"]))
        for row in _data_rows("count_kinds.csv")
    }


@lru_cache(maxsize=1)
def victim_nouns() -> dict[str, Optional[str]]:
    """Lemma -> CAMEO sector hint (or None), from ``data/count_victims.csv``."""
    return {row["lemma"].lower(): row["sector"] or None for row in _data_rows("count_victims.csv")}


@lru_cache(maxsize=1)
def count_cues() -> dict[str, frozenset[str]]:
    """Role -> cue words, from ``data/count_cues.csv`` (total, part, not_count)."""
    cues: dict[str, set[str]] = {}
    for row in _data_rows("count_cues.csv"):
        cues.setdefault(row["role"], set()).add(row["cue"].lower())
    return {role: frozenset(words) for role, words in cues.items()}


def _keys(token: Token) -> Iterator[str]:
    """Lookup keys for a token: two-word phrases with its particles/compounds, lemma, surface."""
    for child in token.children:
        if child.i > token.i and child.dep_ in ("prt", "acomp", "oprd", "dobj", "amod"):
            yield f"{token.lemma_.lower()} {child.lower_}"
        elif child.i < token.i and child.dep_ in ("compound", "amod"):
            yield f"{child.lower_} {token.lemma_.lower()}"
        elif child.i > token.i and child.dep_ in ("prep", "dative") and child.lower_ == "to":
            # "shot to death", "stabbed him to death": the manner verb with its result
            for grand in child.children:
                if grand.dep_ == "pobj":
                    yield f"{token.lemma_.lower()} to {grand.lower_}"
    yield token.lemma_.lower()
    yield token.lower_


def trigger_for(token: Token) -> Optional[Trigger]:
    """The count trigger a token is, if any ("killed" -> killed/object, "deaths" -> killed/noun)."""
    table = count_triggers()
    for key in _keys(token):
        if key in table:
            return table[key]
    return None


def count_kind_for(token: Token) -> Optional[str]:
    """The CountKind a word signals on its own ("wounded" -> "injured"), or None.

    For the event stage: an event whose trigger is "killed" takes the killed counts of its sentence.
    """
    trigger = trigger_for(token)
    return trigger.kind if trigger else None


def find_counts(doc: Doc) -> list[Count]:
    """Every casualty, displacement, detention or missing-person figure in ``doc``, sentence by sentence.

    Explicit zeros ("no fatalities were reported") come after the figures of their sentence.

    A figure nested in another ("320 civilians, including some 40 children") points at it with
    ``part_of`` (its index in the returned list) so a sum over counts skips it.
    """
    counts: list[Count] = []
    owner_of_noun: dict[int, int] = {}
    for sentence in doc.sents:
        for quantity, span in _quantities(sentence):
            found = _read_count(quantity, span, owner_of_noun, counts)
            if found is None:
                continue
            count, noun = found
            owner_of_noun.setdefault(noun.i, len(counts))
            counts.append(count)
        counts.extend(_zero_counts(sentence))
        counts.extend(_singular_counts(sentence, owner_of_noun))
    return counts


def _singular_counts(sentence: Span, owner_of_noun: dict[int, int]) -> Iterator[Count]:
    """ "killing a woman", "a farmer was killed": one victim named with "a"/"an", counted as 1.

    ACLED codes these as one fatality; the figure is only written as the article.
    """
    counted: dict[int, tuple[str, float]] = {}
    for token in sentence:
        if token.i in owner_of_noun or token.tag_ not in ("NN", "NNP") or not _is_victim_noun(token):
            continue
        article = [child for child in token.children if child.dep_ == "det" and child.lower_ in ("a", "an")]
        if not article and token.dep_ == "conj" and token.head.i in counted:
            # "killing a woman and her son": one more person, listed after a counted one
            article = [child for child in token.children if child.dep_ == "poss"]
        if not article or token.ent_type_ in NOT_COUNT_ENTITIES:
            continue
        governed = counted.get(token.head.i) if token.dep_ == "conj" else None
        governed = governed or _governing_trigger(token)
        if governed is None:
            continue
        kind, confidence = governed
        counted[token.i] = governed
        evidence = sentence.doc[article[0].i : token.i + 1]
        yield Count(
            low=1, best=1, high=1, text=evidence.text, victims=_victims(evidence[:1], token),
            span=(evidence.start_char, evidence.end_char), kind=kind, confidence=round(confidence * 0.85, 3),
        )


def _zero_counts(sentence: Span) -> Iterator[Count]:
    """Explicit zeros: "No fatalities were reported", "Neither injuries nor fatalities", "no one was hurt".

    ACLED records these as 0; keeping them lets the event stage tell "none" from "not reported".
    """
    for token in sentence:
        negated = any(child.dep_ == "det" and child.lower_ in ("no", "neither") for child in token.children)
        negated = negated or (token.dep_ == "conj" and any(t.lower_ == "nor" for t in token.head.children))
        negated = negated or token.lower_ in ("nobody", "none")
        if not negated or token.pos_ not in ("NOUN", "PRON"):
            continue
        trigger = trigger_for(token)
        if trigger is not None and trigger.role == "noun":
            kind, confidence = trigger.kind, trigger.confidence * 0.8
        elif token.lower_ in ("one", "body", "people") or token.lower_ in ("nobody", "none"):
            governed = _governing_trigger(token)
            if governed is None:
                continue
            kind, confidence = governed
        else:
            continue
        start = min([token.i] + [child.i for child in token.children if child.dep_ == "det"])
        evidence = sentence.doc[start : token.i + 1]
        yield Count(
            low=0, best=0, high=0, text=evidence.text, span=(evidence.start_char, evidence.end_char),
            kind=kind, confidence=round(confidence, 3),
        )


def _quantities(sentence: Span) -> Iterator[tuple[Quantity, Span]]:
    """Each figure of a sentence with the tokens it spans, left to right, never overlapping."""
    doc, offset = sentence.doc, sentence.start
    lowered = [token.lower_ for token in sentence]  # once per sentence, not once per position
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
    noun_trigger = _noun_trigger(noun)
    if noun_trigger is None and not _counts_people(noun, span) and not _surely_harmed(noun, anchor):
        return None
    parent = _nesting_parent(anchor, owner_of_noun)
    if parent is None:
        parent = _bracketed_parent(span, owner_of_noun)
    noun_trigger = noun_trigger or _trailing_trigger(span, noun)
    if noun_trigger is not None:
        kind, confidence = noun_trigger.kind, noun_trigger.confidence
    elif parent is not None and counts[parent].kind:
        kind, confidence = counts[parent].kind, counts[parent].confidence * 0.95
    else:
        governed = _governing_trigger(anchor)
        if governed is None:
            return None
        kind, confidence = governed
    if quantity.vague:
        confidence *= 0.9
    end = max(span.end, noun.i + 1)
    evidence = span.doc[span.start : end]
    victims = _victims(span, noun)
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
        confidence=round(min(confidence, 1.0), 3),
    )
    return count, noun


def _is_not_a_head_count(span: Span) -> bool:
    """Dates, money, ages, percentages, "seven-day" compounds and ACLED "[size=...]" notes."""
    doc = span.doc
    if any(token.ent_type_ in NOT_COUNT_ENTITIES for token in span):
        return True
    not_count = count_cues().get("not_count", frozenset())
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in ("no", "neither"):
        return True  # "no one was killed" is an explicit zero, read by _zero_counts
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
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "det", "advmod") and root.head.i >= span.end:
        return root.head, root.head
    return root, root


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
    return None


def _trailing_trigger(span: Span, noun: Token) -> Optional[Trigger]:
    """A bare figure right before its outcome word ("1 injured", "5 dead", "3 wounded"): that
    word says what happened to them, whatever the parse hangs the figure on."""
    if not (span.start <= noun.i < span.end) or span.end >= len(span.doc):
        return None
    after = span.doc[span.end]
    trigger = trigger_for(after)
    if trigger is None or (trigger.role != "noun" and after.tag_ not in ("VBN", "JJ")):
        return None
    return trigger


def _counts_people(noun: Token, span: Span) -> bool:
    """Whether the figure counts people: a victim noun, a nationality, or a bare figure."""
    if span.start <= noun.i < span.end:
        return True  # "killed dozens", "12 were killed": the governing word decides
    return _is_victim_noun(noun)


def _surely_harmed(noun: Token, anchor: Token) -> bool:
    """A counted noun of no known victim class that a word of killing or wounding governs
    ("shot and killed 5 merchants"): only living beings are killed, so they are counted."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in NOT_COUNT_ENTITIES | {"GPE", "LOC", "FAC"}:
        return False
    governed = _governing_trigger(anchor)
    return governed is not None and governed[0] in ("killed", "injured") and governed[1] >= 0.85


def _nesting_parent(anchor: Token, owner_of_noun: dict[int, int]) -> Optional[int]:
    """Index of the count this one is part of ("..., including some 40 children"), or None."""
    part_cues = count_cues().get("part", frozenset())
    token, seen_cue = anchor, False
    for _ in range(4):
        if token.head is token:
            return None
        head = token.head
        if head.lower_ in part_cues or head.lemma_.lower() in part_cues:
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


def _governing_trigger(anchor: Token) -> Optional[tuple[str, float]]:
    """Kind and confidence from the word that governs the counted phrase, climbing the parse."""
    token, discount = anchor, 1.0
    for _ in range(6):
        head = token.head
        if head is token:
            return None
        trigger = trigger_for(head)
        if trigger is not None:
            if _victim_position(token, head, trigger):
                return trigger.kind, trigger.confidence * discount
            return None
        if head.pos_ in ("VERB", "AUX"):
            return _complement_trigger(token, head)
        if token.dep_ not in _CLIMB_THROUGH and head.pos_ not in ("ADP", "NOUN", "PROPN", "NUM"):
            return None
        token, discount = head, discount * 0.95
    return None


def _victim_position(token: Token, head: Token, trigger: Trigger) -> bool:
    """Whether ``token`` sits where the trigger's victims go (not where its perpetrator does)."""
    if trigger.role == "noun":
        return token.dep_ in ("pobj", "prep", "nummod", "compound", "appos", "conj")
    if trigger.role == "subject":
        return token.dep_ in _SUBJECTS
    if token.dep_ == "nsubj":
        # "30 wounded": a bare participle without an object is a reduced passive.
        return head.tag_ == "VBN" and not any(child.dep_ == "dobj" for child in head.children)
    return token.dep_ in _OBJECTS or token.dep_ == "conj"


def _complement_trigger(token: Token, verb: Token) -> Optional[tuple[str, float]]:
    """ "left 12 people dead", "forced 3,000 to flee", "200 remain missing", "bringing the toll to 40"."""
    for child in verb.children:
        if child.dep_ not in ("oprd", "acomp", "xcomp", "ccomp"):
            continue
        if child.dep_ == "ccomp" and token.dep_ in ("nsubj", "nsubjpass"):
            continue  # "..., a hospital official said": the subject of the report is its source
        trigger = trigger_for(child)
        if trigger is None:
            continue
        if trigger.role == "object" and child.tag_ != "VBN":
            continue
        if token.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return trigger.kind, trigger.confidence * 0.9
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in count_cues().get("part", frozenset()):
            for outcome in child.children:  # "Among the dead were 5 children"
                trigger = trigger_for(outcome)
                if outcome.dep_ == "pobj" and trigger is not None and trigger.role == "noun":
                    return trigger.kind, trigger.confidence * 0.9
    tally = _tally_noun(verb)
    if tally is not None and token.dep_ in ("pobj", "prep"):
        return _tally_kind(tally)
    return None


def _tally_noun(verb: Token) -> Optional[Token]:
    """The "toll"/"total" a verb moves ("the death toll rose to 20", "bringing the toll to 40")."""
    totals = count_cues().get("total", frozenset())
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in totals:
            return child
    return None


def _tally_kind(tally: Token) -> Optional[tuple[str, float]]:
    for token in tally.subtree:
        trigger = trigger_for(token)
        if trigger is not None and trigger.role == "noun":
            return trigger.kind, trigger.confidence * 0.9
    return ("killed", 0.6) if tally.lemma_.lower() == "toll" else None


def _victims(span: Span, noun: Token) -> Optional[str]:
    """Who was counted, as written with its modifiers ("Russian nurses"), or None for a bare figure."""
    if span.start <= noun.i < span.end or not _is_victim_noun(noun):
        return None
    doc, start = span.doc, noun.i
    while start - 1 >= span.end:
        left = doc[start - 1]
        if left.dep_ not in ("amod", "compound", "nmod") or trigger_for(left) is not None:
            break
        start -= 1
    return doc[start : noun.i + 1].text


def _is_victim_noun(noun: Token) -> bool:
    table = victim_nouns()
    return noun.ent_type_ == "NORP" or any(key in table for key in _keys(noun))


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
            return _tally_noun(token) is not None or any(
                child.lemma_.lower() in totals for child in token.children if child.dep_ == "advmod"
            )
    return False


def is_summary_line(span: Span) -> bool:
    """A verbless line of figures closing a report ("2 fatalities.", "1 fatality, 2 injured."):
    the writer's tally of the incident, so a total rather than one more group of victims.

    The line runs between the full stops around the figure: the parser may glue an unpunctuated
    last line ("... in Colonia Vistas del Rio. 1 fatality") to the sentence before it.
    """
    doc, sentence = span.doc, span.sent
    start = span.start
    while start > sentence.start and doc[start - 1].text not in (".", ";", "\n"):
        start -= 1
    end = span.end
    while end < sentence.end and doc[end].text not in (".", ";"):
        end += 1
    line = doc[start:end]
    return not any(token.pos_ in ("VERB", "AUX") and trigger_for(token) is None for token in line)


def background_clause(token: Token) -> Optional[Token]:
    """The head of the clause of earlier events ``token`` sits in, or None.

    "inhabitants attacked police after two children were killed": "two children" sits in the
    clause headed by "killed", opened by "after" (a ``background`` cue of count_cues.csv). A
    figure there counts that earlier incident, not the one of the main clause.
    """
    cues = count_cues().get("background", frozenset())
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
