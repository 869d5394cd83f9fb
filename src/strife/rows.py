"""The event a record's row holds: which of the events coded from one text an ACLED coder
would write the row for.

A note tells one event and often the acts around it: the clash and the arrests after it, the raid
and the weapons seized in it, the protest and the release of a detainee it marked. ACLED's
codebook keeps strategic developments for acts that are *not* part of a violent or demonstration
event, so a coded act of disorder (battle, explosion, violence against civilians, protest, riot)
outranks a strategic development told beside it, whatever their confidences. Within a rank the
more confident event wins, and among equals the earlier (callers keep text order).

One definition, used by the headline evaluation (`strife.evaluate.user.record_event`) and by the
choice of the event that carries a shared toll (`strife.extract.link`), so the event a user's
export leads with is the one that holds the record's figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from strife.model import Event

#: ACLED's type for the non-violent context around events; it yields to any act of disorder.
STRATEGIC = "Strategic developments"


def is_disorder(event: Event) -> bool:
    """Whether the event is ACLED-typed as an act of disorder (battle, explosion, violence against
    civilians, protest, riot), not as a strategic development."""
    return event.acled_event_type is not None and event.acled_event_type != STRATEGIC


def row_rank(event: Event) -> tuple[bool, bool, bool, float]:
    """How strongly an event claims its record's row: happened (neither negated nor
    hypothetical), ACLED-typed, an act of disorder rather than a strategic development, then
    confidence. Higher is stronger."""
    return (not (event.negated or event.hypothetical), event.acled_event_type is not None, is_disorder(event),
            event.confidence)


#: how much less confident than the act told as the news an act that yields the row is made
YIELD_MARGIN = 0.001


def just_below(news: Event) -> float:
    """The confidence that makes an act yield the record's row to `news` while staying an event:
    a hair under the news's own (`lead_row`, `told_rows` reorder acts this way, never drop them)."""
    return max(news.confidence - YIELD_MARGIN, 0.0)


def record_row_event(events: Sequence[Event]) -> Event | None:
    """The strongest event by `row_rank`; `max` keeps the first of equals (text order)."""
    return max(events, key=row_rank, default=None)
