"""Extraction stages: each reads a parsed spaCy `Doc` and returns strife records.

This module holds what the stages share about a Doc: its text and entities (kept once), and its
two units above the sentence, which are not the same thing and are named apart:

* a *paragraph* ends at a blank line (`Layout.paragraph`): linking and incident grouping keep
  to it, because news paragraphs keep one scene;
* a *line* ends at any line break (`line_of`, `line_break_between`, `line_bounds`): event roles,
  argument phrases and evidence never cross one, and the event coder and the trained typer read
  a line as an event's context. On a text with one report per line (ACLED notes) the two differ.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING, Callable, Generic, Iterable, Optional, TypeVar

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from strife.model import Count

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


def keep_text(doc: Doc, text: str) -> None:
    """Keep the text a Doc was tokenised from as its `doc_text`: spaCy's tokeniser loses no
    character (`doc.text == text`), and joining the tokens again made a Token for every word."""
    doc.user_data[_TEXT_KEY] = text


_TOKENS_KEY = ("strife", "tokens")


def doc_tokens(doc: Doc) -> tuple[Token, ...]:
    """The Doc's tokens, made once and kept on the Doc.

    spaCy makes a new `Token` object for every `doc[i]` and every step of `for token in doc`;
    several stages walk every token of the article (triggers, claims, focus votes), so each walk
    paid for the objects again. A Token only points into the Doc, which stages never re-tokenise.
    """
    tokens = doc.user_data.get(_TOKENS_KEY)
    if tokens is None:
        tokens = doc.user_data[_TOKENS_KEY] = tuple(doc)
    return tokens


def span_tokens(span: Span) -> tuple[Token, ...]:
    """The span's tokens taken from `doc_tokens`: walking a sentence with `for token in span`
    makes a new Token for every word on every walk, and several stages walk every sentence."""
    return doc_tokens(span.doc)[span.start : span.end]


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens start..end (as `doc[start:end].text`), a slice of `doc_text`: a Span's
    text joins its tokens again on every call."""
    if end <= start:
        return ""
    if 0 <= start and end <= len(doc):  # the bounds of a Span, without making one
        tokens = doc_tokens(doc)
        last = tokens[end - 1]
        return doc_text(doc)[tokens[start].idx : last.idx + len(last)]
    span = doc[start:end]
    return doc_text(doc)[span.start_char : span.end_char]


_LOWERS_KEY = ("strife", "lowers")


def doc_lowers(doc: Doc) -> tuple[str, ...]:
    """The lower-cased form of every token (`Token.lower_`), read once per Doc: claims match their
    source phrases on it and counts their figures, sentence by sentence."""
    lowers = doc.user_data.get(_LOWERS_KEY)
    if lowers is None:
        lowers = doc.user_data[_LOWERS_KEY] = tuple(token.lower_ for token in doc_tokens(doc))
    return lowers


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


_SENTS_KEY = ("strife", "sents")


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """The Doc's sentences, built once and kept on the Doc (`Doc.sents` builds every Span again)."""
    sents = doc.user_data.get(_SENTS_KEY)
    if sents is None:
        sents = doc.user_data[_SENTS_KEY] = tuple(doc.sents)
    return sents


def sentence_index(doc: Doc, i: int) -> int:
    """The index in `doc_sents` of the sentence holding token `i`, by bisection on their starts."""
    return bisect.bisect_right(doc_sents(doc), i, key=lambda sent: sent.start) - 1


def span_ents(span: Span) -> tuple:
    """The entities inside a span (what `Span.ents` gives), found by bisection in `doc_ents`:
    `Span.ents` builds every entity's Span again, and scanning all of `doc_ents` for each
    sentence or figure grows with the article."""
    ents = doc_ents(span.doc)
    inside = []
    for number in range(bisect.bisect_left(ents, span.start, key=lambda e: e.start), len(ents)):
        ent = ents[number]
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            inside.append(ent)
    return tuple(inside)


class Layout:
    """Sentence and paragraph numbers of character offsets in one Doc (paragraphs end at blank
    lines, and so do sentences; a line, which ends at any line break, is `line_of`)."""

    def __init__(self, doc: Doc):
        text = doc_text(doc)
        self.par_starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]
        # a sentence never runs over a blank line: a headline with no full stop is not the lead's sentence
        self.sent_starts = sorted({sent.start_char for sent in doc.sents} | set(self.par_starts))

    def sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.par_starts, char) - 1


_BREAKS_KEY = ("strife", "line_breaks")


def line_breaks(doc: Doc) -> list[int]:
    """Indices of the whitespace tokens holding a line break, kept on the Doc (text never changes)."""
    breaks = doc.user_data.get(_BREAKS_KEY)
    if breaks is None:
        spaces = doc.to_array(IS_SPACE).nonzero()[0]  # without making a Token for every word
        breaks = doc.user_data[_BREAKS_KEY] = [int(i) for i in spaces if "\n" in doc[int(i)].text]
    return breaks


def line_of(token: Token) -> Span:
    """The tokens of the token's line, between the line-break tokens around it.

    The breaks are found once per Doc and searched by bisection: walking token by token cost the
    whole text per event on a text with no line breaks (JSON Lines), quadratic in its events.
    """
    doc = token.doc
    breaks = line_breaks(doc)
    before, after = bisect.bisect_left(breaks, token.i), bisect.bisect_right(breaks, token.i)
    start = breaks[before - 1] + 1 if before > 0 else 0
    end = breaks[after] if after < len(breaks) else len(doc)
    return doc[start:end]


def line_break_between(a: Token, b: Token) -> bool:
    """Whether a line-break token lies from the earlier of two tokens up to (not including) the later."""
    lo, hi = sorted((a.i, b.i))
    breaks = line_breaks(a.doc)
    return bisect.bisect_left(breaks, lo) < bisect.bisect_left(breaks, hi)


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the line holding [start, end) (the text between the line breaks around it)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


#: Penn tags of a finite verb or a modal: a line with one is a sentence, not a headline's or a
#: tally's telegraphic passive ("3 soldiers killed").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def nearest_verb(token: Token) -> Token:
    """The verb of the clause a word sits in, looked for at most four heads up; else the last word
    reached (the root, or the fourth head). Unlike `clause_verb` it always gives a word, so a
    caller reading the clause's auxiliaries or dependents ("has waged", "will meet") reads the
    nearest head when the parse gives no verb."""
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    return verb


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


def result_complements(verb: Token) -> list[Token]:
    """The result adjectives that complete a verb ("burned a thief alive", "shot dead dozens of
    villagers") where the parse hangs them elsewhere: as an adverbial clause after the verb, or as
    a modifier of its object. English puts an attributive adjective before its noun, so one after
    the object, or one right after the verb ahead of the object's own words, is the verb's result,
    not the noun's attribute."""
    found = []
    for child in verb.children:
        if child.i <= verb.i:
            continue
        if child.dep_ == "advcl" and child.pos_ == "ADJ":
            found.append(child)
        elif child.dep_ == "dobj":
            found += [a for a in child.children if a.dep_ == "amod" and a.pos_ == "ADJ"
                      and (a.i > child.i or a.i == verb.i + 1)]
    return found


def verb_or_root(token: Token) -> Token:
    """The verb of the clause a word sits in, however far up: the word itself when it is a verb,
    else the first verb up its heads, else the root (a verbless headline's noun)."""
    word = token
    while word.pos_ not in ("VERB", "AUX") and word.head.i != word.i:
        word = word.head
    return word


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


def figure_root(count: "Count", doc: Doc) -> Optional[Token]:
    """The head token of a figure's evidence ("soldiers" of "12 soldiers"), where every reading of
    the parse around a figure starts (its clause verb, its speaker, its tally noun); None when the
    figure has no span or its span covers no token."""
    if not count.span:
        return None
    span = doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None
