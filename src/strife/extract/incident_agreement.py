"""When two mentions can tell one incident: the same place or none, the same day or none.

A town and its province agree, two provinces do not; a short span of days (a weekend, "the
weekend raid") agrees with a day inside it; an undated event is the report's news, of the
publication day or the day before. Remains found are the victims of an act of the days before.
`strife.extract.incidents` merges on these tests, and the row-toll pass
(`strife.extract.row_toll`) asks them of a toll told apart from its row.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from strife.model import Event
from strife.resolve.coref import (
    places_agree,
)

SHORT_SPAN_DAYS = 7


def incident_places_agree(a: Event, b: Event) -> bool:
    """No place, or the same country and first-level division where both are known (a town and its
    province agree; Aleppo and Idlib province do not), and the same town where both are towns."""
    if a.location is None or b.location is None:
        return True
    if a.location.admin1 and b.location.admin1 and a.location.admin1 != b.location.admin1:
        return False
    return places_agree(a, b)


def incident_days_agree(a: Event, b: Event) -> bool:
    """No date, the same day, or a short span of days (a weekend, a week) holding the other's days.

    An event the text gives no date ("reported": the publication day) is the report's news: it
    agrees with the publication day and the day before, never with "two days ago".
    """
    if a.date is None or b.date is None:
        return True
    reported = [e for e in (a, b) if e.date_precision == "reported"]
    if reported:
        other = b if reported[0] is a else a
        if other.date_precision == "reported":
            return True
        return (other.date_end or other.date) >= reported[0].date - dt.timedelta(days=1) and other.date <= reported[0].date
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    if not (a.date <= b_end and b.date <= a_end):
        return False
    return all((end - start).days < SHORT_SPAN_DAYS for start, end in ((a.date, a_end), (b.date, b_end)))


def found_later(a: Event, b: Event, found: frozenset[str]) -> bool:
    """Remains found on a later day than the act the report tells (within SHORT_SPAN_DAYS x 2: 'days
    later'): the act's victims, so the finding joins the act whatever its day."""
    if (a.id in found) == (b.id in found):
        return False
    act, finding = (b, a) if a.id in found else (a, b)
    if act.date is None or finding.date is None:
        return True
    return act.date <= finding.date <= (act.date_end or act.date) + dt.timedelta(days=2 * SHORT_SPAN_DAYS)


def own_other_toll(group: Sequence[Event], event: Event) -> bool:
    """Each with a toll of its own ("... in Mosul, killing 6 ... in Kidal, killing 7"): two reports."""
    spans = {e.fatalities.span for e in group if e.fatalities is not None}
    return event.fatalities is not None and bool(spans) and event.fatalities.span not in spans


def take_the_day(incident: Event, mention: Event, headline: bool = False) -> None:
    """The lead says "in the weekend raid", a later paragraph "Sunday night": the incident carries Sunday.
    A headline names no day (the publication day, "reported"): the lead's day is the incident's."""
    if mention.date_precision != "day" or incident.date_precision not in ("range", "week", "reported") or incident.date is None:
        return
    if headline and incident.date_precision == "reported" and mention.date is not None and incident_days_agree(incident, mention):
        incident.date, incident.date_end, incident.date_precision = mention.date, None, "day"
        return
    if incident.date <= mention.date <= (incident.date_end or incident.date):
        incident.date, incident.date_end, incident.date_precision = mention.date, None, "day"
