"""Extraction stages: each reads a parsed spaCy `Doc` and returns strife records."""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Callable, Generic, Iterable, Optional, TypeVar

from spacy.tokens import Doc, Token

T = TypeVar("T")

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
    sentence and per argument phrase. Stages read entities, never set them.
    """
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


class Layout:
    """Sentence and paragraph numbers of character offsets in one Doc (paragraphs end at blank lines)."""

    def __init__(self, doc: Doc):
        self.sent_starts = [sent.start_char for sent in doc.sents]
        text = doc_text(doc)
        self.par_starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]

    def sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.par_starts, char) - 1


def clause_verb(token: Token) -> Optional[Token]:
    """The verb of the clause a word sits in: the word itself, or the first verb up its heads
    (at most six hops; None at the root or beyond)."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


class Intervals(Generic[T]):
    """Items with a (start, end) range, indexed by start once per article.

    Asking every mention, place or claim of an article for every event or phrase made stages
    quadratic in article length; a look-up here costs the items near the range asked about.
    Answers keep the items' original order, as the scans they replace did.
    """

    def __init__(self, items: Iterable[T], range_of: Callable[[T], tuple[int, int]]):
        ranked = sorted(enumerate(items), key=lambda numbered: range_of(numbered[1])[0])
        self._order = [number for number, _ in ranked]
        self._items = [item for _, item in ranked]
        self._ranges = [range_of(item) for item in self._items]
        self._starts = [start for start, _ in self._ranges]
        self._reach = list(itertools.accumulate((end for _, end in self._ranges), max))  # furthest end so far

    def within(self, start: int, end: int) -> list[T]:
        """The items whose range lies inside [start, end]."""
        first, last = bisect.bisect_left(self._starts, start), bisect.bisect_right(self._starts, end)
        return self._in_order(i for i in range(first, last) if self._ranges[i][1] <= end)

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items sharing at least one character with [start, end)."""
        found = []
        i = bisect.bisect_left(self._starts, end) - 1  # the last item starting before `end`
        while start < end and i >= 0 and self._reach[i] > start:  # before i, nothing reaches `start`
            item_start, item_end = self._ranges[i]
            if item_end > start and item_end > item_start:
                found.append(i)
            i -= 1
        return self._in_order(found)

    def _in_order(self, indexes: Iterable[int]) -> list[T]:
        return [self._items[i] for i in sorted(indexes, key=self._order.__getitem__)]
