"""ACLED's public CSV export: its columns, inter codes, actor names, notes and time precision."""

from __future__ import annotations

import csv
import datetime as dt
import urllib.parse
from functools import lru_cache
from typing import IO, Iterable, Optional

from strife.conventions import acled_fatalities, conventions_enabled
from strife.datafiles import read_data_csv
from strife.export.rows import actor_name, actor_names, first_actors, number_cell
from strife.export.stored import (
    StoredEvent,
    countries,
    country_name,
    event_day,
    ingested,
)
from strife.model import Actor, Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


_TIME_PRECISION = {"day": 1, "week": 2, "reported": 2}  # reported: on or shortly before publication
_PROTEST_INTER = {"Protests": 6, "Riots": 5}


@lru_cache(maxsize=1)
def acled_inter_table() -> tuple[dict[str, str], ...]:
    """The rows of data/acled_inter.csv: each CAMEO sector's ACLED inter code (`inter`, what an
    export writes) and the codes `strife eval` credits it under (`credited_as`). One table for
    both, so export and evaluation cannot drift apart unseen."""
    return tuple(read_data_csv("acled_inter.csv"))


@lru_cache(maxsize=1)
def acled_inter_codes() -> dict[str, int]:
    """Sector -> the ACLED inter code an export writes for it (sectors with none are left out)."""
    return {row["sector"]: int(row["inter"]) for row in acled_inter_table() if row["inter"]}


def acled_inter(actor: Optional[Actor], ev: Event, role: str) -> Optional[int]:
    """ACLED's inter code for an event's actor: protest/riot sides, foreign state forces, then sector."""
    if actor is None:
        return None
    if role == "source" and ev.acled_event_type in _PROTEST_INTER:
        return _PROTEST_INTER[ev.acled_event_type]
    code = acled_inter_codes().get(actor.sector or "")
    where = ev.location.country if ev.location else None
    if code == 1 and actor.country and where and actor.country != where:
        return 8
    return code


def _interaction(inter1: Optional[int], inter2: Optional[int]) -> str:
    if inter1 is None:
        return ""
    if inter2 is None:
        return str(inter1 * 10)
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def _disorder_type(ev: Event) -> str:
    from strife.ontology import load_ontology

    for acled in load_ontology().acled_types():
        if acled.event_type == ev.acled_event_type and acled.sub_event_type == ev.acled_sub_event_type:
            return acled.disorder_type
    return ""


_CROWDS = {6: "Protesters", 5: "Rioters"}
_STATE_FORCES = {"MIL": "Military Forces of {}", "COP": "Police Forces of {}"}
_UNNAMED_GROUPS = {"UAF": "Unidentified Armed Group", "CRM": "Unidentified Gang"}  # sector -> ACLED's name


def acled_actor_name(actor: Actor, ev: Event, inter: Optional[int]) -> str:
    """An actor as ACLED writes it: a crowd is "Protesters (Country)"/"Rioters (Country)" and
    unnamed victims "Civilians (Country)", with the country of the event's place; state forces
    "Military Forces of Country"/"Police Forces of Country"; unknown gunmen "Unidentified Armed
    Group (Country)", an unnamed gang "Unidentified Gang (Country)". Named groups and people keep
    their own name."""
    where = (ev.location.country if ev.location else None) or actor.country
    if inter in _CROWDS and where:
        return f"{_CROWDS[inter]} ({country_name(where)})"
    if actor.canonical or not actor.country and not where:
        return actor_name(actor)
    if actor.sector in _STATE_FORCES and actor.country:
        return _STATE_FORCES[actor.sector].format(country_name(actor.country))
    if actor.sector == "CVL" and inter == 7 and where:
        return f"Civilians ({country_name(where)})"
    if actor.sector in _UNNAMED_GROUPS and where and not _names_itself(actor):
        return f"{_UNNAMED_GROUPS[actor.sector]} ({country_name(where)})"
    return actor_name(actor)


def _names_itself(actor: Actor) -> bool:
    """'the Red Hand gang' is a group the text names (it keeps its name); 'gunmen' is not."""
    return actor.kind != "implied" and any(word[:1].isupper() for word in actor.name.split()[1:])  # not the first: "Gunmen opened fire"


def acled_time_precision(ev: Event) -> int:
    """ACLED: 1 the day is known, 2 the week, 3 only the month or a longer span."""
    if ev.date is None:
        return 3
    if ev.date_precision == "range" and ev.date_end is not None:
        return 2 if (ev.date_end - ev.date).days <= 6 else 3
    return _TIME_PRECISION.get(ev.date_precision, 3)


def acled_notes(item: StoredEvent) -> str:
    """ACLED-style notes from the evidence: 'On 6 December 2016, <evidence>' plus where it was read."""
    ev = item.event
    evidence = " ".join(ev.evidence.text.split())
    lead = _when(ev, item.article.published)
    attribution = f" (according to {ev.attribution})" if ev.attribution and ev.attribution not in evidence else ""
    return f"{lead}{evidence}{attribution} [strife {ev.id}: chars {ev.evidence.start}-{ev.evidence.end}]"


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _when(ev: Event, published: Optional[dt.date]) -> str:
    """How sure the date is, in words, as ACLED notes open: 'On 6 December 2016, ', 'In May 2016, '."""
    if ev.date is None:
        return f"On or before {_long_date(published)} (publication date), " if published else ""
    if ev.date_precision == "reported":
        return f"On or before {_long_date(ev.date)} (publication date), "
    if ev.date_precision == "day":
        return f"On {_long_date(ev.date)}, "
    if ev.date_precision == "week":
        return f"In the week of {_long_date(ev.date)}, "
    if ev.date_precision == "month":
        return f"In {ev.date:%B %Y}, "
    if ev.date_precision == "year":
        return f"In {ev.date.year}, "
    if ev.date_end and ev.date_end != ev.date:
        return f"Between {_long_date(ev.date)} and {_long_date(ev.date_end)}, "
    return f"Around {_long_date(ev.date)}, "


def acled_row(item: StoredEvent, conventions: Optional[bool] = None) -> dict:
    """One event as a row of ACLED's public export (blank where strife has no value).

    Its fatalities follow ACLED's conventions for vague and spread tolls unless ``conventions`` is
    False (or the STRIFE_ACLED_CONVENTIONS switch is off): `strife.conventions`."""
    ev, loc, day = item.event, item.event.location, event_day(item)
    actor1, actor2 = first_actors(ev)
    inter1, inter2 = acled_inter(actor1, ev, "source"), acled_inter(actor2, ev, "target")
    country = countries().get(loc.country or "") if loc else None
    stamp = ingested(item)
    return {
        "event_id_cnty": f"{loc.country if loc and loc.country else ''}{ev.id}",
        "event_date": day.isoformat() if day else "", "year": day.year if day else "",
        "time_precision": acled_time_precision(ev), "disorder_type": _disorder_type(ev),
        "event_type": ev.acled_event_type or "", "sub_event_type": ev.acled_sub_event_type or "",
        "actor1": acled_actor_name(actor1, ev, inter1) if actor1 else "", "assoc_actor_1": actor_names(ev.source[1:]),
        "inter1": inter1 or "", "actor2": acled_actor_name(actor2, ev, inter2) if actor2 else "",
        "assoc_actor_2": actor_names(ev.target[1:]), "inter2": inter2 or "",
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if any(a.sector == "CVL" for a in ev.target) and inter1 != 6 else "",
        "iso": country["isonumeric"] if country else "", "region": "", "country": country["name"] if country else "",
        "admin1": (loc.admin1 or "") if loc else "", "admin2": "", "admin3": "",
        "location": loc.name if loc else "", "latitude": number_cell(loc.lat if loc else None),
        "longitude": number_cell(loc.lon if loc else None), "geo_precision": loc.geo_precision if loc else "",
        "source": item.article.publisher or _host(item.article.url) or "", "source_scale": "",
        "notes": acled_notes(item), "fatalities": acled_fatalities(ev.fatalities, conventions_enabled(conventions)),
        "tags": "", "timestamp": int(stamp.timestamp()) if stamp else "",
    }


def _host(url: Optional[str]) -> Optional[str]:
    return urllib.parse.urlsplit(url).hostname if url else None


def write_acled_csv(items: Iterable[StoredEvent], out: IO[str], header: bool = True,
                    conventions: Optional[bool] = None) -> tuple[int, int]:
    """ACLED rows for the events ACLED codes (those with an ACLED event type; a statement or a
    meeting has none); returns (written, left out for want of an ACLED type). ``conventions``: see
    `acled_row`.
    """
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    written = left_out = 0
    for item in items:
        if not item.event.acled_event_type:
            left_out += 1
            continue
        writer.writerow(acled_row(item, conventions))
        written += 1
    return written, left_out
