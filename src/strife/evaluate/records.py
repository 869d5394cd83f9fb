"""Gold records in one shape, whatever file they came from.

Every reader (`strife.evaluate.formats`) turns its format into `EvalCase`s: one article text to
code, the gold events coded from it, and the `not_events` it must not code as having happened.
Scoring only ever sees these records, so a metric means the same thing on every format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Optional

from strife.model import Article

Matching = Literal["evidence", "trigger", "row"]
Relevance = Literal["acled", "violence", "any"]


@dataclass(frozen=True)
class GoldActor:
    """A coded actor: the countries (ISO3) and CAMEO sectors a right answer may carry.

    Empty tuples mean the gold does not say, and the actor is then left out of that metric.
    """

    name: str
    countries: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldPlace:
    name: Optional[str] = None
    admin1: Optional[str] = None
    country: Optional[str] = None  # ISO3
    lat: Optional[float] = None
    lon: Optional[float] = None


@dataclass(frozen=True)
class GoldFatalities:
    """A coded death toll; `comparable` is False when the number is a coding convention.

    ACLED writes "20 fatalities split up between 3 events" or "Unknown fatalities coded as 10":
    the row's number is then not a figure a reader of the text could find, so fatality metrics
    leave the row out (and say how many they left out).
    """

    best: Optional[int]
    low: Optional[int] = None
    high: Optional[int] = None
    comparable: bool = True
    conventions: bool = False  # coded under ACLED's conventions: compare with the figure they give


@dataclass
class GoldRecord:
    """One hand-coded event: what to compare a predicted event with, field by field.

    `spans` are the gold's evidence ranges in the case text (strife format: the evidence; PLOVER
    GSR: the EVT mark-up); row formats (ACLED, UCDP) have none, the whole text is the row's.
    """

    id: str
    spans: tuple[tuple[int, int], ...] = ()
    plover: Optional[str] = None
    accept: tuple[str, ...] = ()
    cameo_root: Optional[str] = None
    acled_type: Optional[str] = None
    acled_sub_type: Optional[str] = None
    acled_accept: tuple[str, ...] = ()  # other ACLED types also right (old exports: "Protests;Riots")
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    fatalities: Optional[GoldFatalities] = None
    location: Optional[GoldPlace] = None
    date: Optional[dt.date] = None
    date_end: Optional[dt.date] = None
    required: bool = True
    raw: dict = field(default_factory=dict, repr=False)

    def type_ok(self, event_type: str) -> bool:
        return event_type == self.plover or event_type in self.accept

    def acled_type_ok(self, event_type: Optional[str]) -> bool:
        """The predicted ACLED type is the gold's or one it accepts: before 2020 ACLED coded
        "Riots/Protests" as one type, so either of today's two is right for such a record."""
        return event_type is not None and (event_type == self.acled_type or event_type in self.acled_accept)


@dataclass(frozen=True)
class NotEvent:
    """Text a coder must not code as an event that happened (strife format `not_events`)."""

    span: tuple[int, int]
    why: str = ""


@dataclass
class EvalCase:
    """One article to code and its gold.

    `matching` says how predictions meet gold: "evidence" (overlap of evidence ranges, strife
    format), "trigger" (a predicted trigger inside the gold's EVT mark-up, PLOVER GSR) or "row"
    (the row's text is the article; its best relevant event is compared, ACLED and UCDP).
    `relevance` says which predicted events a row format may pick from.
    """

    article: Article
    gold: list[GoldRecord]
    origin: str
    matching: Matching = "row"
    relevance: Relevance = "any"
    not_events: list[NotEvent] = field(default_factory=list)
