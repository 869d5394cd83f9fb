"""Whom a riot was against, told by the acts of the crowd in its line.

"Rioters demonstrating against fuel prices hurled stones at soldiers", "Residents held a violent
demonstration. The demonstrators pelted stones at the police": ACLED codes one row per incident,
and a riot's actor2 is whom the crowd attacked. The demonstration itself names no one it was
against (its grievance is no actor), while the stone-throwing in the same line does; the riot
takes the targets of the crowd's acts. A riot the crowd's acts leave without one, which a state's
force then broke up ('Residents burned tyres. Police dispersed them with tear gas'), has that force
as its other side: ACLED's "Rioters (Country)" against "Police Forces of Country".
"""

from __future__ import annotations

from strife.extract import line_of
from strife.extract.events.frame import Frame
from strife.extract.events.sides import armed_state_sectors
from strife.model import Actor, Event


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
    _meet_the_force(frames, events)


def _meet_the_force(frames: list[Frame], events: list[Event]) -> None:
    """A riot still without a target takes the armed state force that broke the crowd up after it
    in its line (module docstring), never one of its own sources."""
    forces = _forces_by_line(frames, events)
    for frame, event in zip(frames, events):
        if event.acled_event_type != "Riots" or event.target or event.negated or event.hypothetical or frame.background:
            continue
        start = frame.trigger.token.i
        own = {(a.name, a.span) for a in event.source}
        met = [a for i, a in forces.get(line_of(frame.trigger.token).start, ()) if i > start and (a.name, a.span) not in own]
        event.target = _distinct([a.model_copy() for a in met])


def _forces_by_line(frames: list[Frame], events: list[Event]) -> dict[int, list[tuple[int, Actor]]]:
    """Per line, the armed state forces that broke up a crowd (dispersed it, fired tear gas at it:
    PLOVER COERCE with no narrower mode), with where each act is told. Arrests are left out: the
    police arresting the man a mob beat did not meet the mob. One pass over the events."""
    armed = armed_state_sectors()
    found: dict[int, list[tuple[int, Actor]]] = {}
    for frame, event in zip(frames, events):
        if event.event_type != "COERCE" or event.mode is not None or event.negated or event.hypothetical:
            continue
        token = frame.trigger.token
        found.setdefault(line_of(token).start, []).extend(
            (token.i, actor) for actor in event.source if (actor.sector or "").lower() in armed)
    return found


def _distinct(actors: list) -> list:
    """The actors once each, by name and place in the text, in the order told."""
    seen, kept = set(), []
    for actor in actors:
        key = (actor.name, actor.span)
        if key not in seen:
            seen.add(key)
            kept.append(actor)
    return kept
