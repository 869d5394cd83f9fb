"""The nearest item to an event: in its sentence, else the nearest earlier one in its paragraph.

A coder reads an event's date and place from its own sentence, or failing that from the nearest
earlier sentence of the same paragraph (news paragraphs keep one scene). These indexes answer that
per event by bisection, built once per article, rather than by scanning every item for every event.
"""

from __future__ import annotations

import bisect
from typing import Callable, Generic, Iterable, Optional, Sequence, TypeVar

from strife.extract import Layout

T = TypeVar("T")


class ByStart(Generic[T]):
    """Items in order of where they start (ties in list order), to find the last one before an
    offset by bisection rather than by scanning every item for every event."""

    def __init__(self, items: Iterable[T], start_of: Callable[[T], int]):
        self.items = sorted(items, key=start_of)
        self.starts = [start_of(item) for item in self.items]

    def last_before(self, anchor: int) -> Optional[T]:
        """The item starting latest before `anchor`, the first listed of equals (as `max` picks)."""
        before = bisect.bisect_left(self.starts, anchor)
        if before == 0:
            return None
        return self.items[bisect.bisect_left(self.starts, self.starts[before - 1])]


class Nearby(Generic[T]):
    """Items (dates, places) grouped by sentence and paragraph, for `nearest_local` per event.

    Built once per article: asking every item for every event made linking quadratic in the
    number of events, minutes on a long single-line text of many reports.
    """

    def __init__(self, items: Iterable[T], layout: Layout, start_of: Callable[[T], int]):
        self.layout, self.start_of = layout, start_of
        self.by_sentence: dict[int, list[T]] = {}
        by_paragraph: dict[int, list[T]] = {}
        for item in items:
            start = start_of(item)
            self.by_sentence.setdefault(layout.sentence(start), []).append(item)
            by_paragraph.setdefault(layout.paragraph(start), []).append(item)
        self.by_paragraph = {number: ByStart(group, start_of) for number, group in by_paragraph.items()}

    def in_sentence(self, sentence: int) -> list[T]:
        """The items of one sentence, in list order."""
        return self.by_sentence.get(sentence, [])

    def nearest(self, anchor: int) -> Optional[T]:
        """The item in the anchor's sentence closest to it, else the nearest earlier one in its paragraph."""
        same_sentence = self.in_sentence(self.layout.sentence(anchor))
        if same_sentence:
            return min(same_sentence, key=lambda it: abs(self.start_of(it) - anchor))
        earlier = self.by_paragraph.get(self.layout.paragraph(anchor))
        return earlier.last_before(anchor) if earlier is not None else None


def nearest_local(items: Sequence[T], anchor: int, layout: Layout, start_of) -> Optional[T]:
    """The item in the anchor's sentence closest to it, else the nearest earlier one in its paragraph.

    For one anchor; for many, build a `Nearby` once and ask it.
    """
    return Nearby(items, layout, start_of).nearest(anchor)
