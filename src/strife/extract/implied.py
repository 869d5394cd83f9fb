"""The actors ACLED writes for an event whose text names none (`event_implied_actors.csv`).

"A demonstration took place in the town", "a man was found dead", "an IED exploded near the
base", "gunmen burned a school": ACLED still codes actor1 ("Protesters (Country)",
"Unidentified Armed Group (Country)") and, for violence against civilians, actor2 ("Civilians
(Country)"), with the country of the event's place. A happened event of such an ACLED type with
an empty role gets that actor, marked ``kind="implied"``, without a span (no words of the text
name it). An event whose sentence holds an armed actor the parse could not place
(`Event.unassigned`) gets no implied armed source: the text names someone, and saying
"unidentified" would contradict it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from strife.datafiles import read_data_csv
from strife.extract.events.sides import ARMED, side_of
from strife.extract.events.tables import side_sector
from strife.model import Actor, Event
from strife.ontology import load_ontology

IMPLIED_CONFIDENCE = 0.3
ROLES = ("source", "target")


@lru_cache(maxsize=1)
def implied_actors() -> dict[tuple[str, str], tuple[str, str]]:
    """(ACLED event type, role) -> (side, name) of the actor it implies, from `event_implied_actors.csv`."""
    return {(row["acled_event_type"], row["role"]): (row["side"], row["name"])
            for row in read_data_csv("event_implied_actors.csv")}


def add_implied_actors(events: Iterable[Event], fallback: str | None = None) -> None:
    """Fill each happened event's empty roles with the actors its ACLED type implies (module
    docstring); `fallback` is the country of the article's vague actors, for an event with no place."""
    for event in events:
        if event.negated or event.hypothetical or not event.acled_event_type:
            continue
        for role in ROLES:
            implied = implied_actors().get((event.acled_event_type, role))
            if implied is None or getattr(event, role):
                continue
            side, name = implied
            if side in ARMED and side_of([], event.unassigned, load_ontology()) in ARMED:
                continue
            country = (event.location.country if event.location is not None else None) or fallback
            setattr(event, role, [Actor(name=name, country=country, sector=side_sector(side), kind="implied",
                                        confidence=IMPLIED_CONFIDENCE)])
