"""The cells every export builds from an event: actor names, tolls, the flat event row.

One place for them, so the CSV, the terminal table and the ACLED, GDELT, PLOVER and Parquet
exports cannot drift apart on what an actor is called or which toll a row holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from strife.conventions import told_figure, told_share
from strife.model import Actor, Count, Event

EVENT_COLUMNS = (
    "id", "date", "date_end", "date_precision", "event_type", "mode", "context", "quad", "cameo_root",
    "acled_event_type", "acled_sub_event_type", "source", "source_country", "source_sector",
    "target", "target_country", "target_sector", "location", "admin1", "country", "lat", "lon",
    "geo_precision", "fatalities", "fatalities_told", "fatalities_split_over", "injured", "displaced", "negated",
    "hypothetical", "attribution", "confidence", "evidence_start", "evidence_end", "evidence",
)


def actor_name(actor: Actor) -> str:
    """An actor by its canonical name, else as the text writes it."""
    return actor.canonical or actor.name


def _join(actors: list[Actor], field: str) -> str:
    return "; ".join(str(getattr(a, field) or "") for a in actors)


def actor_names(actors: list[Actor]) -> str:
    """Each actor by its canonical name, else as written: one cell per actor, never an empty "; "."""
    return "; ".join(map(actor_name, actors))


def _figure(count: Optional[Count]) -> str:
    """A summed column's cell: this row's share of the text's figure (`told_share`), blank without one."""
    figure = told_share(count)
    return "" if figure is None else str(figure)


def first_actors(ev: Event) -> tuple[Optional[Actor], Optional[Actor]]:
    """The event's first source and first target (None for a side it has none on): the one actor a
    side that the ACLED, GDELT and PLOVER formats hold; the others go to their "associated" cells."""
    return (ev.source or [None])[0], (ev.target or [None])[0]


def figures(ev: Event) -> dict:
    """The event's figures as numbers (None without one): its toll (`toll_fields`), and its share of
    the injured and of the displaced, as the PLOVER, GeoJSON and Parquet exports hold them."""
    return {**toll_fields(ev.fatalities), "injured": told_share(ev.injured), "displaced": told_share(ev.displaced)}


def toll_fields(count: Optional[Count]) -> dict:
    """A row's toll in every export (issue #24, "one toll, once"): ``fatalities``, the column users sum,
    is this row's share of the text's figure (`strife.conventions.told_share`: whole unless several
    rows hold the toll); ``fatalities_told`` is the figure the text tells, and ``fatalities_split_over``
    how many rows it is divided among (None when this row holds it whole), so nothing the text said
    is lost and a column's sum counts each death once."""
    shared = count is not None and count.split_index is not None
    return {"fatalities": told_share(count), "fatalities_told": told_figure(count),
            "fatalities_split_over": count.split_over if shared else None}


def _cells(fields: dict) -> dict:
    return {key: "" if value is None else value for key, value in fields.items()}


def event_row(ev: Event) -> dict:
    """One event as a flat row: what a spreadsheet or pandas user wants (actors joined by '; ')."""
    loc = ev.location
    return {
        "id": ev.id, "date": ev.date or "", "date_end": ev.date_end or "", "date_precision": ev.date_precision,
        "event_type": ev.event_type, "mode": ev.mode or "", "context": ev.context or "", "quad": ev.quad or "",
        "cameo_root": ev.cameo_root or "", "acled_event_type": ev.acled_event_type or "",
        "acled_sub_event_type": ev.acled_sub_event_type or "",
        "source": actor_names(ev.source),
        "source_country": _join(ev.source, "country"), "source_sector": _join(ev.source, "sector"),
        "target": actor_names(ev.target),
        "target_country": _join(ev.target, "country"), "target_sector": _join(ev.target, "sector"),
        "location": loc.name if loc else "", "admin1": (loc.admin1 or "") if loc else "",
        "country": (loc.country or "") if loc else "", "lat": loc.lat if loc else "", "lon": loc.lon if loc else "",
        "geo_precision": loc.geo_precision if loc else "",
        **_cells(toll_fields(ev.fatalities)), "injured": _figure(ev.injured), "displaced": _figure(ev.displaced),
        "negated": ev.negated, "hypothetical": ev.hypothetical, "attribution": ev.attribution or "",
        "confidence": round(ev.confidence, 3), "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end, "evidence": ev.evidence.text,
    }


def number_cell(value: Optional[float]) -> object:
    """A number's cell in a CSV or TSV export: blank when there is none (never "None")."""
    return "" if value is None else value


def iso_date(day: Optional[dt.date]) -> Optional[str]:
    """A date as ISO text for a JSON record; None stays None (JSON null)."""
    return day.isoformat() if day else None
