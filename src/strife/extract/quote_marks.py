"""Where quotation marks open and close: the quoted stretches of a text, found by characters.

Quotes and claims (`quotes`) are read from the parse, but which words lie inside quotation marks
is a question of characters: curly, straight and angled double marks, single marks that double as
apostrophes, and news style's quote left open at a paragraph's end. Kept apart so that the
readers of speech ask it, rather than each scanning the marks.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from strife.extract import doc_text

OPENING_MARKS = "“«„"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
# Single marks, each with the mark that closes it; ’ and ' are apostrophes as well.
SINGLE_MARKS = {"‘": "’", "’": "’", "'": "'"}
SINGLE_OPENERS = "‘'"
# A straight quote mark after one of these (or at the start of the text) opens a quote.
OPENS_AFTER = set(" \t\n([{—–-/" + OPENING_MARKS)
TRAILING_QUOTE_PUNCT = ",.;:"
ELLIPSES = ("…", "...")


def paragraph_ends_in(text: str) -> list[int]:
    """Offsets where paragraphs end: blank lines when the text has any, else single newlines."""
    breaks = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text) else r"\n"
    return [match.start() for match in re.finditer(breaks, text)] + [len(text)]


def _marks(text: str) -> Iterator[tuple[int, bool]]:
    """(offset, is_opening) for every double quotation mark; straight marks open after a space."""
    for offset, char in enumerate(text):
        if char in OPENING_MARKS:
            yield offset, True
        elif char in CLOSING_MARKS:
            yield offset, False
        elif char == STRAIGHT_MARK:
            yield offset, offset == 0 or text[offset - 1] in OPENS_AFTER


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) offsets of each quoted stretch, in text order: double quotes
    first, then single quotes outside them (a single-quoted stretch inside a double-quoted one is
    a quote within the quote, part of it)."""
    doubles = _double_quoted_ranges(text)
    inside_doubles = Quoted(doubles)
    singles = [
        (start, end) for start, end in _single_quoted_ranges(text)
        if start not in inside_doubles and end not in inside_doubles
        and not any(start < d_start and d_end < end for d_start, d_end in doubles)
    ]
    return sorted(doubles + singles)


#: The `Doc.user_data` key of the Doc's quoted stretches (`doc_quoted_ranges`).
_RANGES_KEY = ("strife", "quoted_ranges")


def doc_quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    """`quoted_ranges` of the Doc's text, found once and kept on the Doc: the quotes, the claims and
    modality's scare quotes all ask, and the text never changes after parsing."""
    ranges = doc.user_data.get(_RANGES_KEY)
    if ranges is None:
        ranges = doc.user_data[_RANGES_KEY] = quoted_ranges(doc_text(doc))
    return ranges


def _single_quoted_ranges(text: str) -> list[tuple[int, int]]:
    """‘Single’ or 'straight single' quoted stretches (British style, ACLED notes).

    These marks double as apostrophes, so the rules are stricter than for double quotes: a mark
    opens only after a space or bracket and before a letter or digit; it closes only after a
    non-space and before a non-letter; a stretch never crosses a newline; an unclosed one is
    dropped. "the rebels' positions" inside an open quote still ends it early.
    """
    ranges: list[tuple[int, int]] = []
    open_at: Optional[int] = None
    for offset, char in enumerate(text):
        if char not in SINGLE_MARKS:
            continue
        before = text[offset - 1] if offset else " "
        after = text[offset + 1] if offset + 1 < len(text) else " "
        if char in SINGLE_OPENERS and before in OPENS_AFTER and after.isalnum():
            open_at = offset
        elif open_at is not None and SINGLE_MARKS[text[open_at]] == char:
            if not before.isspace() and not after.isalnum():
                if "\n" not in text[open_at:offset]:
                    ranges.append((open_at, offset))
                open_at = None
    return ranges


def _double_quoted_ranges(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) offsets of each double-quoted stretch.

    News style leaves a quote that runs on into the next paragraph unclosed and reopens it there;
    such a quote ends where its paragraph ends (the returned end is then the paragraph end, not
    a mark). A second opening mark in the same paragraph replaces an unclosed one, and a closing
    mark with nothing open is ignored, so one stray mark cannot swallow the rest of an article.
    """
    paragraph_ends = paragraph_ends_in(text)

    def paragraph_end(offset: int) -> int:
        return paragraph_ends[bisect.bisect_left(paragraph_ends, offset)]

    ranges: list[tuple[int, int]] = []
    open_at: Optional[int] = None
    for offset, is_opening in _marks(text):
        if open_at is not None and paragraph_end(open_at) < offset:
            ranges.append((open_at, paragraph_end(open_at)))
            open_at = None
        if is_opening:
            open_at = offset
        elif open_at is not None:
            ranges.append((open_at, offset))
            open_at = None
    if open_at is not None:
        ranges.append((open_at, paragraph_end(open_at)))
    return ranges


def quoted_words(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """The quoted words between two marks: without spaces, a leading ellipsis (an elision, not
    speech) or the comma/full stop that English puts inside the closing mark."""
    while start < end:
        if text[start].isspace():
            start += 1
        elif text.startswith(ELLIPSES, start):
            start += 1 if text[start] == "…" else 3
        else:
            break
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_QUOTE_PUNCT):
        end -= 1
    return (start, end) if end > start else None


class Quoted:
    """Which character offsets lie inside quotation marks (marks included)."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.starts = [start for start, _ in ranges]
        self.ranges = ranges

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset <= self.ranges[index][1]

    def token(self, token: Token) -> bool:
        return token.idx in self or (token.idx + len(token.text) - 1) in self
