"""Turn records into the shapes users take away: JSON, JSON Lines, flat CSV rows, terminal tables.

Every writer streams records it is given one at a time; none needs the whole database in memory.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable, Iterator

from pydantic import BaseModel

from strife.model import Actor, Event

EVENT_COLUMNS = (
    "id", "date", "date_end", "date_precision", "event_type", "mode", "context", "quad", "cameo_root",
    "acled_event_type", "acled_sub_event_type", "source", "source_country", "source_sector",
    "target", "target_country", "target_sector", "location", "admin1", "country", "lat", "lon",
    "geo_precision", "fatalities", "injured", "displaced", "negated", "hypothetical", "attribution",
    "confidence", "evidence_start", "evidence_end", "evidence",
)


def to_json(record: BaseModel, indent: int | None = 2) -> str:
    """A record as contract JSON (dates as ISO strings, non-ASCII kept readable)."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def write_json_array(records: Iterable[BaseModel], out: IO[str]) -> int:
    """A JSON array written element by element, so a long query never sits in memory whole."""
    n = 0
    out.write("[")
    for n, record in enumerate(records, start=1):
        out.write(("\n" if n == 1 else ",\n") + to_json(record))
    out.write("\n]\n" if n else "]\n")
    return n


def _join(actors: list[Actor], field: str) -> str:
    return "; ".join(str(getattr(a, field) or "") for a in actors)


def _figure(count) -> str:
    if count is None:
        return ""
    return str(count.best if count.best is not None else count.low if count.low is not None else "")


def event_row(ev: Event) -> dict:
    """One event as a flat row: what a spreadsheet or pandas user wants (actors joined by '; ')."""
    loc = ev.location
    return {
        "id": ev.id, "date": ev.date or "", "date_end": ev.date_end or "", "date_precision": ev.date_precision,
        "event_type": ev.event_type, "mode": ev.mode or "", "context": ev.context or "", "quad": ev.quad or "",
        "cameo_root": ev.cameo_root or "", "acled_event_type": ev.acled_event_type or "",
        "acled_sub_event_type": ev.acled_sub_event_type or "",
        "source": _join(ev.source, "canonical") or _join(ev.source, "name"),
        "source_country": _join(ev.source, "country"), "source_sector": _join(ev.source, "sector"),
        "target": _join(ev.target, "canonical") or _join(ev.target, "name"),
        "target_country": _join(ev.target, "country"), "target_sector": _join(ev.target, "sector"),
        "location": loc.name if loc else "", "admin1": (loc.admin1 or "") if loc else "",
        "country": (loc.country or "") if loc else "", "lat": loc.lat if loc else "", "lon": loc.lon if loc else "",
        "geo_precision": loc.geo_precision if loc else "",
        "fatalities": _figure(ev.fatalities), "injured": _figure(ev.injured), "displaced": _figure(ev.displaced),
        "negated": ev.negated, "hypothetical": ev.hypothetical, "attribution": ev.attribution or "",
        "confidence": round(ev.confidence, 3), "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end, "evidence": ev.evidence.text,
    }


def write_events_csv(events: Iterable[Event], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    n = 0
    for n, ev in enumerate(events, start=1):
        writer.writerow(event_row(ev))
    return n


def table_rows(events: Iterable[Event]) -> Iterator[tuple[str, ...]]:
    """Short columns for a terminal table: date, type, source, target, place, dead, evidence."""
    for ev in events:
        row = event_row(ev)
        flags = "".join(flag for flag, on in (("¬", ev.negated), ("?", ev.hypothetical)) if on)
        yield (
            str(row["date"]), f"{ev.event_type}{flags}", row["source"], row["target"],
            row["location"] + (f" ({row['country']})" if row["country"] else ""),
            row["fatalities"], _shorten(ev.evidence.text, 70),
        )


TABLE_HEADER = ("date", "type", "source", "target", "place", "dead", "evidence")


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
