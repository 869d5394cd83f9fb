"""Extraction stages: each reads a parsed spaCy `Doc` and returns strife records."""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = ("strife", "text")


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once and kept on the Doc.

    spaCy's `Doc.text` re-joins every token on each access, so a stage that asks for it per
    mention turns linear work quadratic (it was the largest cost on top of parsing; see
    bench/RESULTS.md). Stages never change a Doc's text after parsing, so the cache stays true.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_ENTS_KEY = ("strife", "ents")


def doc_ents(doc: Doc) -> tuple:
    """The Doc's entity spans, built once and kept on the Doc.

    `Doc.ents` builds a new Span for every entity on each access; actor finding asks once per
    sentence and per argument phrase. Stages read entities, never set them; code that sets
    `doc.ents` after a stage ran should call `forget(doc)`.
    """
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


def forget(doc: Doc) -> None:
    """Drop what `doc_text` and `doc_ents` kept, after changing a Doc's text or entities."""
    doc.user_data.pop(_TEXT_KEY, None)
    doc.user_data.pop(_ENTS_KEY, None)
