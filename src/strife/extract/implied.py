"""The actor ACLED writes for an event whose text names none (`event_implied_sources.csv`).

"A demonstration took place in the town", "a man was found dead", "an IED exploded near the
base": ACLED still codes actor1, "Protesters (Country)", "Unidentified Armed Group (Country)",
with the country of the event's place. A happened event of such an ACLED type with no source
gets that actor, marked ``kind="implied"``, without a span (no words of the text name it). An
event whose sentence holds an armed actor the parse could not place (`Event.unassigned`) gets
none: the text names someone, and saying "unidentified" would contradict it.
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


@lru_cache(maxsize=1)
def implied_sources() -> dict[str, tuple[str, str]]:
    """ACLED event type -> (side, name) of the actor it implies, from `event_implied_sources.csv`."""
    return {row["acled_event_type"]: (row["side"], row["name"]) for row in read_data_csv("event_implied_sources.csv")}


def add_implied_sources(events: Iterable[Event], fallback: str | None = None) -> None:
    """Give each happened event with no source the actor its ACLED type implies (module docstring);
    `fallback` is the country of the article's vague actors, for an event with no place."""
    for event in events:
        implied = implied_sources().get(event.acled_event_type or "")
        if implied is None or event.source or event.negated or event.hypothetical:
            continue
        side, name = implied
        if side in ARMED and side_of([], event.unassigned, load_ontology()) in ARMED:
            continue
        country = (event.location.country if event.location is not None else None) or fallback
        event.source = [Actor(name=name, country=country, sector=side_sector(side), kind="implied",
                              confidence=IMPLIED_CONFIDENCE)]
