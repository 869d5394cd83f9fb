"""Whom a riot was against, told by the acts of the crowd in its line.

"Rioters demonstrating against fuel prices hurled stones at soldiers", "Residents held a violent
demonstration. The demonstrators pelted stones at the police": ACLED codes one row per incident,
and a riot's actor2 is whom the crowd attacked. The demonstration itself names no one it was
against (its grievance is no actor), while the stone-throwing in the same line does; the riot
takes the targets of the crowd's acts.
"""

from __future__ import annotations

from strife.extract import line_of
from strife.extract.events.frame import Frame
from strife.model import Event


def share_riot_targets(frames: list[Frame], events: list[Event]) -> None:
    """Give each riot with no target the targets of the other riots of its line (module
    docstring). One pass over the events, grouped by line: linear in the events."""
    lines: dict[int, list[Event]] = {}
    for frame, event in zip(frames, events):
        if event.acled_event_type == "Riots" and not (event.negated or event.hypothetical or frame.background):
            lines.setdefault(line_of(frame.trigger.token).start, []).append(event)
    for riots in lines.values():
        attacked = [actor for riot in riots for actor in riot.target]
        for riot in riots:
            if not riot.target and attacked:
                riot.target = _distinct([a.model_copy() for a in attacked])


def _distinct(actors: list) -> list:
    """The actors once each, by name and place in the text, in the order told."""
    seen, kept = set(), []
    for actor in actors:
        key = (actor.name, actor.span)
        if key not in seen:
            seen.add(key)
            kept.append(actor)
    return kept
