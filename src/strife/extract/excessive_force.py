"""A protest with intervention that kills is excessive force against protesters (ACLED codebook).

ACLED keeps "Protest with intervention" for an attempt to disperse or suppress a peaceful protest
"without serious/lethal injuries being reported"; when people die, the same intervention is
"Excessive force against protesters". The sub-event type is chosen before the tolls are linked
('Two killed as police disperse protesters': the dispersal carries the two deaths), so the toll
an intervention ends up carrying decides it here, once every figure has its event.
"""

from __future__ import annotations

from collections.abc import Iterable

from strife.model import Event

INTERVENTION, EXCESSIVE_FORCE = "Protest with intervention", "Excessive force against protesters"


def lethal_interventions(events: Iterable[Event]) -> None:
    """Each happened protest with intervention whose own toll counts deaths becomes excessive force."""
    for event in events:
        if event.acled_sub_event_type == INTERVENTION and not (event.negated or event.hypothetical) and _deaths(event):
            event.acled_sub_event_type = EXCESSIVE_FORCE


def _deaths(event: Event) -> bool:
    toll = event.fatalities
    return toll is not None and max(toll.best or 0, toll.low or 0) > 0
