"""Which figure a figure is part of: the same people again, told in part, are no more victims.

"320 civilians, including some 40 children", "5 civilians (2 men, 2 women and 1 child)", "killing
3 people, 2 of them children", "left 7 dead: 4 soldiers and 3 civilians", "Among the dead were 5
children": each later figure details the people of an earlier one, so `strife.extract.counts`
gives it ``part_of`` (the earlier figure's index) and a sum over counts skips it. A figure that
only names the group of people already counted ("4 members of one family") or picks people out of
those told ("two of the wounded") is read here too.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from strife.extract import doc_sents, doc_text, sentence_index
from strife.extract.count_words import Trigger, count_cues, count_triggers, trigger_for
from strife.model import Count


def frames_a_counted_noun(noun: Token, owner_of_noun: dict[int, int], span: Optional[Span] = None) -> bool:
    """ "4 members of one family", "30 fighters of one militia": a figure in the of-phrase of people
    already counted names the group they belong to, not more people. So does a figure of the people a
    partitive figure already counted through its of-phrase ("One of the three abducted traders was
    found dead", "two of the five guards"): the set the part is picked from, not more dead."""
    of = noun.head
    if of.lower_ != "of" or of.dep_ != "prep":
        return False
    if of.head.i in owner_of_noun:
        return True
    return span is not None and noun.i in owner_of_noun and of.i < span.start and of.head.i < of.i


def part_of_count(span: Span, noun: Token, anchor: Token, owner_of_noun: dict[int, int],
                  counts: list[Count]) -> Optional[int]:
    """Index of the earlier count whose people this figure details, or None. The ways English tells
    a part, asked in this order: a part cue ("including 40 children"), a bracketed breakdown, a
    partitive pronoun after the figure ("2 of them") or before it ("among them 3 children"), a
    breakdown after a colon or a dash, a definite outcome noun pointing back ("Among the dead were 5
    children"), a group listed after a part ("among them 5 policemen and 3 passers-by")."""
    parent = _nesting_parent(anchor, owner_of_noun)
    if parent is None:
        parent = _bracketed_parent(span, owner_of_noun, counts)
    if parent is None:
        parent = _partitive_parent(span, noun, counts)
    if parent is None:
        parent = _fronted_part_parent(span, counts)
    if parent is None:
        parent = _cue_before_parent(span, counts)
    if parent is None:
        parent = _colon_parent(span, counts)
    if parent is None:
        parent = _among_the_told_dead(span, anchor, counts)
    if parent is None:
        parent = _listed_with_a_part(noun, owner_of_noun, counts)
    return parent


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


def _bracketed_parent(span: Span, owner_of_noun: dict[int, int], counts: list[Count]) -> Optional[int]:
    """Index of the count a bracketed breakdown details ("5 civilians (2 men, 2 women and 1
    child) were killed", "killing 2 (1 police, 1 civilian)", "3 killed (2 FC, 1 civilian)"), or
    None: the figures in the brackets are the same people again."""
    doc, depth = span.doc, 0
    for i in range(span.start - 1, span.sent.start - 1, -1):
        if doc[i].text == ")":
            depth += 1
        elif doc[i].text == "(":
            if depth == 0:
                return _figure_before_bracket(doc, i, span.sent.start, owner_of_noun, counts)
            depth -= 1
    return None


def _figure_before_bracket(doc: Doc, bracket: int, sentence_start: int, owner_of_noun: dict[int, int],
                           counts: list[Count]) -> int | None:
    """Index of the figure a bracket opened at ``bracket`` details: the one whose counted noun stands
    just before it, else one whose numeral does, bare ("killing 2 (") or with its outcome word ("3
    killed ("): older notes break a bare toll down in brackets by who the dead were."""
    if bracket <= sentence_start:
        return None
    before = doc[bracket - 1]
    if before.i in owner_of_noun:
        return owner_of_noun[before.i]
    numeral = before if before.like_num else doc[bracket - 2] if bracket - 2 >= sentence_start else None
    if numeral is None or not numeral.like_num or (numeral is not before and trigger_for(before) is None):
        return None
    at = numeral.idx
    found = [k for k, c in enumerate(counts) if c.span is not None and c.span[0] <= at < c.span[1]]
    return found[-1] if found else None


def _partitive_parent(span: Span, noun: Token, counts: list[Count]) -> int | None:
    """Index of the count "2 of them" picks from ("killing 3 people, 2 of them children"; "of
    whom"): the last figure before it in its sentence, whose people these are again; else None."""
    if noun.lower_ not in ("them", "whom") or noun.head.lower_ != "of" or noun.head.i != span.end:
        return None
    return _last_figure_before(span, counts)


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
    return _last_figure_before(span, counts)


def _cue_before_parent(span: Span, counts: list[Count]) -> int | None:
    """Index of the count a figure right after a part cue details ("5 dead incl. 3 militants",
    "killing 9 including 4 women"): the last figure before it in its sentence; else None. The
    parse of a terse note may hang the figure anywhere but under the cue."""
    if span.start <= span.sent.start:
        return None
    cue = span.doc[span.start - 1]
    if cue.lower_ not in count_cues().get("part", frozenset()) or cue.lower_ == "among":
        return None  # "among 12 killed were 3 soldiers": the figure after "among" is the whole
    return _last_figure_before(span, counts)


def _last_figure_before(span: Span, counts: list[Count]) -> int | None:
    """Index of the last figure before ``span`` in its sentence, whose people a pronoun after a
    partitive ("2 of them", "among whom") points back to; else None."""
    start, sentence_start = span.start_char, span.sent.start_char
    before = [i for i, c in enumerate(counts) if c.span is not None and sentence_start <= c.span[0] < start]
    return before[-1] if before else None


#: Marks after which a list breaks down the toll told before it: a colon, or a dash set off by spaces
#: ("5 people were killed - 3 policemen and 2 civilians"); a dash inside a word joins it.
_BREAKDOWN_MARKS = frozenset({":", "-", "--", "\u2013", "\u2014"})


def _colon_parent(span: Span, counts: list[Count]) -> int | None:
    """Index of the count a breakdown after a colon or a spaced dash details ("left 7 dead: 4
    soldiers and 3 civilians", "5 people were killed - 3 policemen and 2 civilians"): the last figure
    before the mark in the sentence, with no verb between the mark and this figure; else None."""
    doc = span.doc
    colon = next((i for i in range(span.start - 1, span.sent.start - 1, -1) if _breakdown_mark(doc[i])), None)
    if colon is None or any(t.pos_ in ("VERB", "AUX") for t in doc[colon + 1 : span.start]):
        return None
    if doc[colon].text != ":" and _tells_its_own_act(doc, span.start, span.sent.end):
        return None  # "3 killed in one village - 2 killed in another": a second toll, no breakdown
    end = doc[colon].idx
    before = [i for i, c in enumerate(counts) if c.span is not None and span.sent.start_char <= c.span[0] and c.span[1] <= end]
    return before[-1] if before else None


def _breakdown_mark(token: Token) -> bool:
    """A colon, or a dash with space on both sides (not the hyphen of "passers-by" or "12-year-old")."""
    if token.text not in _BREAKDOWN_MARKS:
        return False
    if token.text == ":":
        return True
    return token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)


def _tells_its_own_act(doc: Doc, start: int, end: int) -> bool:
    """Does a verb follow the figure at ``start`` before the clause ends? After a dash, a breakdown
    only lists people; a figure with a verb of its own tells another toll."""
    for token in doc[start:end]:
        if token.text in (";", ":") or _breakdown_mark(token):
            return False
        if token.pos_ in ("VERB", "AUX"):
            return True
    return False


def _listed_with_a_part(noun: Token, owner_of_noun: dict[int, int], counts: list[Count]) -> int | None:
    """ "8 killed, among them 5 policemen and 3 passers-by", "12 dead, including 5 women and 3
    children": a group listed after a figure that details an earlier toll details the same toll (the
    cue governs the whole list, though the parse hangs only the first group on it); else None."""
    token = noun
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.i in owner_of_noun and counts[owner_of_noun[token.i]].part_of is not None:
            return counts[owner_of_noun[token.i]].part_of
    return None


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


def running_total_of(span: Span, kind: str, counts: list[Count]) -> Optional[int]:
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


def picks_from_told(span: Span, noun: Token) -> bool:
    """ "One of the victims", "two of the dead": a figure picking some people out of an outcome
    already told ("the victims") says nothing new of them unless a word of its own says what
    happened to them ("Two of the wounded later died")."""
    if noun.i < span.end or noun.head.lower_ != "of" or noun.head.i != span.end:
        return False
    if noun.like_num and _definite(noun) and noun.i + 1 < len(noun.doc):
        # "Two of the 8 wounded later died": the told figure named again with its outcome word
        return _told_outcome_word(noun.doc[noun.i + 1])
    trigger = trigger_for(noun)
    if trigger is not None and trigger.role != "noun":
        trigger = count_triggers().get(noun.lower_)  # "the wounded": the adjective's row, not the verb's
    return _definite(noun) and trigger is not None and trigger.role == "noun"


def _told_outcome_word(word: Token) -> bool:
    """Is the word after a definite figure an outcome word ("the 8 wounded", "the three dead", "the
    5 abducted")? The figure then names people already told, not new ones."""
    return count_triggers().get(word.lower_) is not None or trigger_for(word) is not None


def _definite(noun: Token) -> bool:
    """Does a definite determiner or a possessive go with the noun ("the dead", "their victims"),
    not "a"/"an"? A definite outcome noun points back to people already told."""
    return any(child.dep_ in ("det", "poss") and child.lower_ not in ("a", "an") for child in noun.children)
