"""Sentence boundaries the parser must not draw, set before it parses.

The small model splits sentences as it parses, and an unknown capitalised word after a figure
that opens a sentence looks to it like the start of a new one: "3 Tarvek villagers were killed."
was read as the sentence "3" and the sentence "Tarvek villagers were killed.", and the toll was
lost with it. Whether it splits depends on which name follows (a name it knows is read as part
of the phrase), so the coding of a note changed with the village it named.

English never ends a sentence on a figure followed, on the same line, by a word: a sentence ends
at punctuation or a line break. So a word written after a figure and one space is marked as no
sentence start (`Token.is_sent_start = False`), which the parser respects; every other boundary
is the parser's.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "strife_sentence_bounds"
PARSER = "parser"


def continues_after_figure(doc: Doc, i: int) -> bool:
    """Does token `i` continue the sentence of the figure just before it ("3 Tarvek ...")?"""
    if i == 0:
        return False
    figure = doc[i - 1]
    return figure.text[:1].isdigit() and figure.like_num and figure.whitespace_ == " " and doc[i].is_alpha


@Language.component(COMPONENT)
def sentence_bounds(doc: Doc) -> Doc:
    for i in range(1, len(doc)):
        if continues_after_figure(doc, i):
            doc[i].is_sent_start = False
    return doc


def use_sentence_bounds(nlp: Language) -> None:
    """Run the bounds just before the parser (nothing to do in a pipeline without one)."""
    if PARSER in nlp.pipe_names and COMPONENT not in nlp.component_names:
        nlp.add_pipe(COMPONENT, before=PARSER)
