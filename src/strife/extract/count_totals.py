"""Whether a figure is a total: a running total of the incident, or the writer's tally line.

"a total of eight deaths", "the death toll rose to 20", "40 in all", and the verbless line of
figures closing a report ("2 fatalities.", "1 fatality, 2 injured."): the figure counts everyone,
so `strife.extract.tolls` takes it as the toll rather than adding it to the figures before it.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span, Token

from strife.extract import FINITE_TAGS, figure_root
from strife.extract.count_words import count_cues, revised_toll_verb, tally_noun, trigger_for
from strife.model import Count


def listed_in_tally(found: Iterator[Count], sentence: Span) -> Iterator[Count]:
    """People counted without a numeral on a verbless tally line ("A policeman and 3 rioters
    killed.") are part of the tally, as its figures are (`is_total`): the line's total sums them."""
    for count in found:
        span = sentence.doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
        yield count.model_copy(update={"total": True}) if span is not None and is_summary_line(span) else count


def is_total(span: Span, anchor: Token) -> bool:
    """A running total: "a total of eight deaths", "the death toll rose to 20", "40 in all"."""
    totals = count_cues().get("total", frozenset())
    doc = span.doc
    if is_summary_line(span):
        return True
    window = doc[max(span.sent.start, span.start - 3) : span.start]
    if any(token.lemma_.lower() in totals for token in window):
        return True
    if revised_toll_verb(anchor) is not None:
        return True  # "5 civilians were killed, later raised to 8": the latest total
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


def revises_the_told_toll(count: Count, doc: Doc) -> bool:
    """ "Militants attacked Selda, killing 3. The death toll was later raised to 7.": a total that
    "the toll" (a definite tally noun, naming no incident of its own with an of- or from-phrase)
    moves, in a sentence that tells no act of its own (the caller's check), is the latest figure of
    the incident told before it; ACLED overwrites a toll as victims succumb (its fatality updates),
    so it is the incident's own total, as a total told in the incident's sentence is."""
    token = figure_root(count, doc) if count.total else None
    if token is None:
        return False
    for _ in range(3):
        if token.head is token:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            break
    tally = tally_noun(token)
    if tally is None or tally.dep_ == "dobj":
        return False
    definite = any(child.dep_ == "det" and child.lower_ == "the" for child in tally.children)
    own_incident = any(child.dep_ == "prep" and child.lower_ in ("of", "from", "in") for child in tally.children)
    return definite and not own_incident
