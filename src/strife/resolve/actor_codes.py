"""What the actor coder knows and says: a dictionary row (`ActorEntry`) and a phrase's code (`ActorCode`).

`ActorEntry` is one known actor of an actors file, valid between two dates; `ActorCode` is the
coding of one actor phrase (canonical name, ISO3 country, CAMEO sector, confidence, and which
rule produced it). `as_people` turns a counted demonym's code into civilians of that country.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Optional


@dataclass(frozen=True)
class ActorCode:
    """The coding of one actor phrase.

    ``affiliation`` keeps the organisation an office holder serves ("European Union" for
    Mogherini) and ``ethnicity`` a stateless group ("Kurdish"): the Actor record has no field
    for either yet. ``kind`` says which rule produced the code, so callers can tell a country
    (which may be a mere location) from a person or a group.
    """

    canonical: str
    country: Optional[str]
    sector: Optional[str]
    confidence: float
    kind: str = "group"  # person | org | group | country | capital | title | noun | demonym | acled
    affiliation: Optional[str] = None
    ethnicity: Optional[str] = None


@dataclass(frozen=True)
class ActorEntry:
    """One row of an actors file: a known actor, valid between two dates (open ends allowed)."""

    canonical: str
    kind: str
    country: Optional[str]
    sector: Optional[str]
    affiliation: Optional[str] = None
    valid_from: Optional[dt.date] = None
    valid_to: Optional[dt.date] = None

    def valid_on(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


def as_people(code: ActorCode) -> ActorCode:
    """A counted demonym ("two Palestinians") as the civilians of that country."""
    return replace(code, sector="CVL", confidence=0.6, kind="noun")
