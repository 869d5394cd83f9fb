"""Why an event has each of its actors, in words, from the coded record (`strife extract --explain`).

A reader checking a record wants to know where each source and target came from: the event's
own words (the parse gave the phrase that role), another mention of the same incident merged
into it, the force that broke up a protest (ACLED's actor2 of a protest with intervention), whom a
rioting crowd attacked in the riot's line (strife.extract.events.riot_targets), or
ACLED's convention for an actor the text does not name (`strife.extract.implied`). Actors the
sentence names but the parse gave no role are listed as such: none of them is promoted.
"""

from __future__ import annotations

from strife.model import Actor, Event, Span

ROLES = ("source", "target")


def explain_roles(event: Event) -> list[str]:
    """One line per actor of the event ('source 'gunmen' [MEX UAF]: ...'), then the unassigned."""
    lines = []
    for role in ROLES:
        actors = getattr(event, role)
        if not actors:
            lines.append(f"{role}: none; the parse gave no phrase this role")
        lines += [f"{role} {_label(actor)}: {_reason(actor, role, event)}" for actor in actors]
    if event.unassigned:
        named = ", ".join(_label(a) for a in event.unassigned)
        lines.append(f"named in the sentence with no role from the parse (not promoted): {named}")
    return lines


def _label(actor: Actor) -> str:
    return f"{actor.name!r} [{actor.country or '-'} {actor.sector or '-'}]"


def _reason(actor: Actor, role: str, event: Event) -> str:
    if actor.kind == "implied":
        return (f"implied: the text names no {role}, and ACLED codes this {role} of '{event.acled_event_type}' "
                f"as '{actor.name}' of the country of the event's place")
    if actor.span is None:
        return "coded from the argument phrase (no position in the text)"
    where = f"characters {actor.span[0]}-{actor.span[1]}"
    if _inside(actor.span, event.evidence):
        side = "before" if event.trigger is None or actor.span[0] < event.trigger.start else "after"
        trigger = f" {event.trigger.text!r}" if event.trigger is not None else ""
        return f"the parse gives this phrase the {role} role of{trigger} ({where}, {side} it)"
    if any(_inside(actor.span, m) for m in event.mentions):
        return f"from another mention of the same incident ({where})"
    if role == "target" and event.acled_sub_event_type == "Protest with intervention":
        return f"the force that dispersed or arrested the protesters, ACLED's actor2 ({where})"
    if role == "target" and event.acled_event_type == "Riots":
        return f"whom the crowd attacked in another act of the same line, ACLED's actor2 of the riot ({where})"
    return f"from the event's clause, outside its evidence ({where})"


def _inside(span: tuple[int, int], text: Span) -> bool:
    return text.start <= span[0] and span[1] <= text.end
