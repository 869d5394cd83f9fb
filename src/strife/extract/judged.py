"""Where the rules judged that words of war tell no event: the passage holds their judgement.

A hazard as the killer ("a landslide killed six": `events.hazards`), a statistic over years or a
habit (`non_events`): the rules read
the words and decided that nothing happened there, so they leave no event behind. A reader that
sees only the text (the built-in typer, `strife.learn.detect`) would take the same words for an
event the rules missed; the positions kept here (character offsets of the words judged, on the
Doc) tell it that the rules did not miss them but ruled them out. (A game or a market told in war's
words, `events.metaphors`, is not kept: its game words also stand in proper names, and the typer
there rescues as many notes as it misreads.)
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = ("strife", "judged_non_events")


def judge(doc: Doc, start: int) -> None:
    """Record that the words at character `start` were read and judged to tell no event."""
    doc.user_data.setdefault(_KEY, []).append(start)


def judged(doc: Doc) -> tuple[int, ...]:
    """The character offsets of the words the rules judged to tell no event, in the order judged."""
    return tuple(doc.user_data.get(_KEY, ()))
