"""Dates that need the words around them: a day of the month told without its month ("on the
14th"), a night word before the day it names ("overnight on Saturday"), and the filing day of a
wire dateline ("VELMORA, May 5 (Agency) -") that relative words in the report count from.

Kept apart from `strife.extract.dates`, which resolves one expression at a time.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional, Sequence

from spacy.tokens import Span

from strife.datafiles import read_data_csv
from strife.extract import doc_text
from strife.model import DateMention

#: "on the 14th", "by the 3rd": a day of the month whose month the text or the calendar supplies.
#: Only before a pause or a clause word, so "the 6th Brigade", "the 19th kilometre" are no dates.
ORDINAL_DAY = (r"\b(?:on|by|since|until|from)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b"
               r"(?=\s*(?:[,.;:)]|$)|\s+(?:when|as|at|in)\b)")
_ORDINAL_DAY = re.compile(r"^(?:(?:on|by|since|until|from)\s+)?the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)$",
                          re.IGNORECASE)


def day_of_named_month(text: str, earlier: Sequence[DateMention],
                       published: Optional[dt.date]) -> Optional[tuple[Optional[dt.date], str]]:
    """'On the 3rd' after 'in early May': 3 May. English leaves out a month the reader already has:
    the one of the last date the text placed, else the month of publication (the last month, when
    that day is still to come in it). None when the text is no such day; an undated result when
    nothing gives the month."""
    match = _ORDINAL_DAY.match(text.strip())
    if match is None:
        return None
    day = int(match["day"])
    month_of = next((m.date for m in reversed(earlier) if m.date is not None and not m.future
                     and m.precision in ("day", "week", "month", "range")), None)
    if month_of is None and published is not None:
        month_of = published if day <= published.day else published.replace(day=1) - dt.timedelta(days=1)
    if month_of is None:
        return None, "unknown"
    try:
        return month_of.replace(day=day), "day"
    except ValueError:
        return None, "unknown"


_NIGHT_WORDS = frozenset({"overnight", "late at night", "at night", "last night", "tonight"})
_BEFORE_ITS_DAY = re.compile(r"^\s*(?:on|of|into|to)?\s*(?:the\s+)?$", re.IGNORECASE)


def night_word_of_its_day(span: Span, following: Sequence[Span]) -> bool:
    """'overnight on Saturday', 'Overnight Sunday': the night word says when on the day the next
    words name, and no day of its own (read alone it would be the night before publication)."""
    if span.text.lower().strip() not in _NIGHT_WORDS or not following:
        return False
    return bool(_BEFORE_ITS_DAY.match(doc_text(span.doc)[span.end_char:following[0].start_char]))


_MONTH_ABBR = {name: n for n, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_DATELINE_DAY = re.compile(r",[ ]+(?P<month>[A-Z][a-z]{2,8})\.?[ ](?P<day>\d{1,2})\b")


def dateline_day(text: str, datelines: Sequence[tuple[int, int]], published: Optional[dt.date]) -> Optional[dt.date]:
    """The filing day a wire dateline names ('ISLAMABAD, May 5 (Agency) -'), when it is within the
    week before publication: the report's 'on Monday' and 'yesterday' count from it, as the
    agency wrote them, not from the day a later outlet published the copy."""
    if published is None or not datelines:
        return None
    start, end = datelines[0]
    match = _DATELINE_DAY.search(text[start:end])
    month = _MONTH_ABBR.get(match["month"][:3].lower()) if match else None
    if match is None or month is None:
        return None
    for year in (published.year, published.year - 1):
        try:
            day = dt.date(year, month, int(match["day"]))
        except ValueError:
            return None
        if 0 <= (published - day).days <= 7:
            return day
    return None


@lru_cache(maxsize=1)
def fixed_days() -> dict[str, tuple[int, int]]:
    """Name -> (month, day) of the days English names by a fixed day (``data/date_fixed_days.csv``)."""
    return {row["name"]: (int(row["month"]), int(row["day"])) for row in read_data_csv("date_fixed_days.csv")}


def fixed_day(text: str, published: Optional[dt.date], future: bool = False) -> Optional[tuple[Optional[dt.date], str]]:
    """'on New Year's Eve': 31 December, of the year that puts it on or before publication (on or
    after it, in a future tense); None when the text names no such day."""
    found = fixed_days().get(text)
    if found is None:
        return None
    if published is None:
        return None, "unknown"
    day = dt.date(published.year, *found)
    if future:
        return (day if day >= published else day.replace(year=published.year + 1)), "day"
    return (day if day <= published else day.replace(year=published.year - 1)), "day"


def fixed_day_pattern() -> str:
    """The names of `fixed_days`, as an alternation for finding them in text."""
    names = sorted(fixed_days(), key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(name).replace("'", "['\u2019]") for name in names) + r")\b"
