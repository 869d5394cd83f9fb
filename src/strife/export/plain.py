"""The shapes `strife extract` and `strife events` print: JSON, JSON arrays, flat CSV rows,
terminal tables. Every writer streams the records it is given one at a time.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable, Iterator

from pydantic import BaseModel

from strife.export.rows import EVENT_COLUMNS, actor_name, event_row
from strife.model import Actor, Event


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


def write_events_csv(events: Iterable[Event], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    n = 0
    for n, ev in enumerate(events, start=1):
        writer.writerow(event_row(ev))
    return n


def table_rows(events: Iterable[Event]) -> Iterator[tuple[str, ...]]:
    """Short columns for a terminal table: date, type, source, target, place, dead (this row's share of
    a toll several rows hold, "5 of 9"), evidence."""
    for ev in events:
        row = event_row(ev)
        flags = "".join(flag for flag, on in (("¬", ev.negated), ("?", ev.hypothetical)) if on)
        yield (
            str(row["date"]), f"{ev.event_type}{flags}", _distinct_names(ev.source), _distinct_names(ev.target),
            row["location"] + (f" ({row['country']})" if row["country"] else ""),
            _dead(row), _shorten(ev.evidence.text, 70),
        )


def _dead(row: dict) -> str:
    """The table's dead: this row's share, with the told figure when several rows hold it ("5 of 9")."""
    shared = row["fatalities_split_over"] != ""
    return f"{row['fatalities']} of {row['fatalities_told']}" if shared else str(row["fatalities"])


TABLE_HEADER = ("date", "type", "source", "target", "place", "dead", "evidence")


def _distinct_names(actors: list[Actor]) -> str:
    """A terminal cell names each side once ("civilians", not "civilians; civilians" for a school and a
    market): the CSV keeps one name per actor, aligned with its country and sector columns."""
    return "; ".join(dict.fromkeys(map(actor_name, actors)))


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
