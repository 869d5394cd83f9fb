"""Older ACLED category names mapped to today's (`strife/data/acled_legacy_types.csv`).

ACLED revised its codebook in 2019: "Riots/Protests" became "Protests" and "Riots", "Remote
violence" became "Explosions/Remote violence", the three "Battle-..." types became sub-event types
of "Battles", and so on. An export that mixes eras must be coded on one scale before a model is
trained on it or a coder scored against it; the ACLED gold reader applies this map to every row.

    modern_acled_type("Battle-No change of territory", None)   # ('Battles', 'Armed clash')
    modern_acled_type("Riots/Protests", None, inter1="5")      # ('Riots', None)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from strife.datafiles import read_data_csv

LEGACY_FILE = "acled_legacy_types.csv"


@dataclass(frozen=True)
class LegacyType:
    """One line of the map: an old event-type name (for rows with `inter1`, if set) and today's coding."""

    legacy_event_type: str
    inter1: Optional[str]
    event_type: Optional[str]
    sub_event_type: Optional[str]


@lru_cache(maxsize=1)
def acled_legacy_types() -> tuple[LegacyType, ...]:
    """The packaged map, lines with an `inter1` condition first (they win over general lines)."""
    rows = read_data_csv(LEGACY_FILE)
    lines = [
        LegacyType(row["legacy_event_type"], row.get("inter1") or None, row.get("event_type") or None,
                   row.get("sub_event_type") or None)
        for row in rows
    ]
    return tuple(sorted(lines, key=lambda line: line.inter1 is None))


def modern_acled_type(event_type: Optional[str], sub_event_type: Optional[str],
                      inter1: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """Today's (event type, sub-event type) of a row; rows already in today's terms come back as they are.

    A legacy name that implies no sub-event type keeps the row's own sub-event type (None if it has
    none); one whose event type the map cannot tell (empty `event_type`) gives (None, sub-event type).
    """
    name = (event_type or "").strip().casefold()
    code = (inter1 or "").strip()
    if code.endswith(".0"):
        code = code[:-2]  # inter codes read from spreadsheets as floats ("5.0")
    for line in acled_legacy_types():
        if line.legacy_event_type.casefold() == name and (line.inter1 is None or line.inter1 == code):
            return line.event_type, line.sub_event_type or (sub_event_type or None)
    return event_type or None, sub_event_type or None
