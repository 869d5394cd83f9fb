"""Resolve the dates news writes ("Monday", "last week", "in September", "On 9 May 2020") to days.

News dates are relative to the publication date: "Monday" in an article published on Tuesday
2016-12-06 is 2016-12-05. Every result says how precise it is, with ACLED's and the model's
vocabulary: day, week, month, year, range, or unknown. What cannot be placed on the calendar
("less than a week after", "the coming days") is kept with precision "unknown" and no date,
so a later stage sees the mention without taking a guess for a fact.

Only :mod:`datetime`: the expressions conflict reporting uses are few, and a general parser
(dateparser) would resolve "the coming days" or "seven-day" to a confident, wrong day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal, NamedTuple, Optional, Sequence, Union

from spacy.tokens import Doc, Span

from strife.extract import doc_ents, doc_text, nearest_verb
from strife.extract.date_context import (ORDINAL_DAY, dateline_day, day_of_named_month, fixed_day, fixed_day_pattern,
                                        night_word_of_its_day)
from strife.extract.datelines import dateline_spans
from strife.extract.numbers import parse_quantity
from strife.model import DateMention, Event

Tense = Literal["past", "future"]

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_FULL_MONTHS = frozenset(name.lower() for name in calendar.month_name if name)
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3652}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_UNIT = r"(?P<unit>day|week|fortnight|month|year|decade)s?"
_COUNT = r"(?P<n>[a-z0-9,]+(?: [a-z]+)?)"
_LEAD = re.compile(
    r"^(?:(?:on|in|during|since|by|at|from|over|throughout|for|until|till|around|about|of|as of|"
    r"early|late|mid|the|this past|past|earlier|later|end of|beginning of|start of|middle of)\b\s*)+"
)

_PATTERNS: dict[str, re.Pattern[str]] = {
    "iso": re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    "day_month": re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
    "month_day": re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b"),
    "month_year": re.compile(rf"^{_MONTH}(?:\s+(?:of\s+)?{_YEAR})?$"),
    "named_month": re.compile(rf"^(?P<rel>next|last|this|coming)\s+{_MONTH}$"),
    "weekend": re.compile(r"^(?:(?:last|this|past|previous|coming|next)\s+)?weekend(?:'s)?$"),
    "month_of_year": re.compile(rf"^{_MONTH}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year$"),
    "decade": re.compile(r"^(?P<year>\d{3}0)s$"),
    "year": re.compile(rf"^{_YEAR}$"),
    "weekday": re.compile(rf"^(?:(?P<rel>last|this|next|past|coming)\s+)?{_WEEKDAY}\b"),
    "ago": re.compile(rf"^{_COUNT}\s+{_UNIT}\s+ago$"),
    # "to mark five years since a truck bomb killed ...": the clause after "since" happened that long ago
    "since": re.compile(rf"^{_COUNT}\s+{_UNIT}\s+since$"),
    "deictic": re.compile(r"^(?P<rel>last|this|next|coming|previous|current)\s+(?P<unit>week|month|year)"),
    "span": re.compile(rf"^(?:(?:the\s+)?(?:past|last|previous|recent)\s+)?{_COUNT}\s+{_UNIT}\b"),
}
_RELATIVE_TO_EVENT = re.compile(r"\b(after|before|later|earlier than|prior to|following|within)\b")
_FUTURE_WORDS = re.compile(r"\b(coming|next|tomorrow|upcoming|ahead|forthcoming|later this)\b")
#: A length of time is a period on the calendar only when the text says it runs up to now: "the
#: past two weeks", "during the three-week offensive". "for two decades" is a length, not a date.
_DURATION_MARKERS = re.compile(r"^(?:during|over|throughout) the\b|\b(?:past|last|recent|previous)\b")
_LASTING = re.compile(r"^for\b")
#: "during the same period", "that day": the period or day the article named last.
_ON_A_DAY = re.compile(r"^(?:on|during|over|since|until)\s")
_SAME_PERIOD = re.compile(r"^(?:(?:during|in|over|throughout|on|at|for)\s+)?(?:the\s+same|that|this)\s+"
                          r"(?P<unit>period|day|week|month|year|time\s+frame|timeframe)$")
_ONE_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "overnight": -1, "day before yesterday": -2,
    "tomorrow": 1,
}


class ResolvedDate(NamedTuple):
    """What a date expression means: first day, last day (or None for one day), precision."""

    date: Optional[dt.date]
    date_end: Optional[dt.date]
    precision: str


UNKNOWN = ResolvedDate(None, None, "unknown")
ONGOING = ResolvedDate(None, None, "ongoing")


def resolve_date(
    text: str,
    published: Optional[dt.date],
    *,
    anchor: Optional[dt.date] = None,
    tense: Tense = "past",
) -> Optional[ResolvedDate]:
    """Resolve one date expression, or None when the text is not a date at all.

    ``published`` anchors relative expressions; without it they resolve to precision "unknown"
    while absolute ones ("9 May 2020") still resolve. ``anchor`` is the latest day the article
    has already placed on the calendar ("during the three-week offensive" ends there rather than at
    publication). ``tense`` "future" makes a bare weekday or month point forward.
    """
    cleaned = _normalise(text)
    if not cleaned:
        return None
    if _RELATIVE_TO_EVENT.search(cleaned) and cleaned not in _ONE_DAY_WORDS:
        return UNKNOWN  # "less than a week after": needs the event it is relative to
    raw = _normalise(text, strip_lead=False)
    # "on New Year's Eve"; "to mark International Workers' Day" names an occasion, not the act's day
    named = fixed_day(cleaned, published, tense == "future") if _ON_A_DAY.match(raw) else None
    if named is not None:
        return ResolvedDate(named[0], None, named[1])
    absolute = _absolute(cleaned, published, tense)
    if absolute is not None:
        return _part_of_period(raw, absolute, published)
    marked = bool(_DURATION_MARKERS.search(raw))
    relative = _relative(cleaned, published, anchor or published, tense, marked, bool(_LASTING.match(raw)))
    if relative is not None:
        return _part_of_period(raw, relative, published)
    if _FUTURE_WORDS.search(cleaned) and re.search(r"\b(days?|weeks?|months?|years?)\b", cleaned):
        return UNKNOWN  # "the coming days"
    return None


def is_future(mention: Union[DateMention, str], published: Optional[dt.date] = None) -> bool:
    """Whether a date mention points after publication ("the coming days", "next week", "tomorrow").

    Later stages use it so talks announced "in the coming days" are not coded as having happened.
    """
    text = mention if isinstance(mention, str) else mention.text
    if _FUTURE_WORDS.search(_normalise(text)):
        return True
    if isinstance(mention, DateMention) and published is not None and mention.date is not None:
        return mention.date > published
    return False


def find_dates(doc: Doc, published: Optional[dt.date]) -> list[DateMention]:
    """Every date expression of ``doc`` that says when something happened, in text order.

    Reads spaCy's DATE and TIME entities plus the patterns the model misses, widens each to the
    words that change its meaning ("during the three-week offensive", "less than a week after"),
    and drops bare durations that place nothing on the calendar ("a seven-day cease-fire").
    """
    mentions: list[DateMention] = []
    latest_day: Optional[dt.date] = None
    spans = _candidate_spans(doc)
    # a wire report counts "Monday" and "yesterday" from the day its dateline names
    filed = dateline_day(doc_text(doc), dateline_spans(doc_text(doc)), published) or published
    for span in [s for n, s in enumerate(spans)
                 if not _first_day_of_a_night(s, spans[n + 1:n + 2]) and not night_word_of_its_day(s, spans[n + 1:n + 2])]:
        resolved = _same_as_before(span.text, mentions) or _ordinal_day(span.text, mentions, filed) or resolve_date(
            span.text, filed, anchor=latest_day, tense=_tense(span)
        )
        if resolved is None or (resolved.precision == "ongoing" and not _still_going(span)):
            continue
        mentions.append(
            DateMention(
                text=span.text,
                span=(span.start_char, span.end_char),
                date=resolved.date,
                date_end=resolved.date_end,
                precision=resolved.precision,  # type: ignore[arg-type]
                future=_tense(span) == "future" or is_future(span.text) or _after(resolved.date, published),
            )
        )
        if resolved.precision == "day" and resolved.date and (published is None or resolved.date <= published):
            latest_day = max(latest_day or resolved.date, resolved.date)
    return mentions


_NIGHT_BEFORE = re.compile(r"\bnight\s+(?:of|between)\s+(?:the\s+)?$", re.IGNORECASE)
_NIGHT_JOIN = re.compile(r"^\s*(?:and|to|-|–)\s*(?:the\s+)?$", re.IGNORECASE)


def _first_day_of_a_night(span: Span, following: Sequence[Span]) -> bool:
    """'on the night between Friday and Saturday', 'the intervening night of 6 and 7 May': a night
    told by the two days it joins happened, for the calendar, on the later one (after midnight), as
    'the night of 6-7 May' already reads; the first day names no date of its own."""
    text = doc_text(span.doc)
    if not following or not _NIGHT_BEFORE.search(text[max(0, span.start_char - 40):span.start_char]):
        return False
    return bool(_NIGHT_JOIN.match(text[span.end_char:following[0].start_char]))


def _ordinal_day(text: str, earlier: list[DateMention], published: Optional[dt.date]) -> Optional[ResolvedDate]:
    """ "on the 14th": that day of the month the text (or the calendar) already gives."""
    found = day_of_named_month(text, earlier, published)
    return None if found is None else ResolvedDate(found[0], None, found[1])


def _same_as_before(text: str, earlier: list[DateMention]) -> Optional[ResolvedDate]:
    """ "during the same period", "that day": the last period (or day) the article placed."""
    match = _SAME_PERIOD.match(_normalise(text, strip_lead=False))
    if match is None:
        return None
    wanted = ("day",) if match["unit"] == "day" else ("range", "week", "month", "year")
    for mention in reversed(earlier):
        if mention.date is not None and not mention.future and mention.precision in wanted:
            return ResolvedDate(mention.date, mention.date_end, mention.precision)
    return UNKNOWN


def _still_going(span: Span) -> bool:
    """Whether the clause of a length of time runs up to now: "has waged war for two decades"
    (present perfect or present), not "was detained for two weeks"."""
    verb = nearest_verb(span.root.head)
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return any(child.dep_ == "aux" and child.lower_ in ("has", "have", "'s", "'ve") for child in verb.children)


def _after(day: Optional[dt.date], published: Optional[dt.date]) -> bool:
    return day is not None and published is not None and day > published


# -- resolution ------------------------------------------------------------------------------

#: "early May", "mid-2020", "late last year", "the end of last month": a third of the period, as news
#: agencies use the words; "earlier this week/month/year": from its start to the day before publication.
_PERIOD_PART = re.compile(r"^(?:(?:in|during|at|by|around|until|since|from)\s+)?(?:the\s+)?"
                          r"(?P<part>early|earlier|mid|middle of|late|end of|beginning of|start of)\b")
_THIRDS = {"early": 0, "beginning of": 0, "start of": 0, "mid": 1, "middle of": 1, "late": 2, "end of": 2}


def _part_of_period(raw: str, resolved: ResolvedDate, published: Optional[dt.date]) -> ResolvedDate:
    """Narrow a week, month or year to the part of it the words name; any other date as it is."""
    match = _PERIOD_PART.match(raw)
    if match is None or resolved.date is None or resolved.precision not in ("week", "month", "year"):
        return resolved
    start, end = resolved.date, resolved.date_end or resolved.date
    if match["part"] == "earlier":
        if published is None or not start < published <= end + dt.timedelta(days=1):
            return resolved
        return ResolvedDate(start, published - dt.timedelta(days=1), "range")
    third = _THIRDS[match["part"]]
    if resolved.precision == "year":  # early: January to April, mid: May to August, late: September to December
        first = dt.date(start.year, 4 * third + 1, 1)
        last = dt.date(start.year, 4 * third + 4, calendar.monthrange(start.year, 4 * third + 4)[1])
        return ResolvedDate(first, last, "range")
    length = (end - start).days + 1
    first = start + dt.timedelta(days=length * third // 3)
    last = start + dt.timedelta(days=length * (third + 1) // 3 - 1)
    return ResolvedDate(first, last, "range")



def _normalise(text: str, strip_lead: bool = True) -> str:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])|(?<=\d)-(?=[a-z])|(?<=[a-z])-(?=\d)", " ", text)
    text = re.sub(r"[^\w\s\-/.,']", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .,")
    return _LEAD.sub("", text).strip() if strip_lead else text


def _absolute(text: str, published: Optional[dt.date], tense: Tense) -> Optional[ResolvedDate]:
    for name in ("iso", "day_month", "month_day"):
        match = _PATTERNS[name].search(text)
        if match:
            return _calendar_day(match, published)
    match = _PATTERNS["month_year"].match(text)
    if match:
        return _month(MONTHS[match["month"]], _int(match["year"]), published, tense)
    match = _PATTERNS["decade"].match(text)
    if match:
        start = int(match["year"])
        return ResolvedDate(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "range") if start >= 1000 else None
    match = _PATTERNS["year"].match(text)
    if match and 1000 <= int(match["year"]) <= 2999:
        year = int(match["year"])
        return ResolvedDate(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    return None


def _calendar_day(match: re.Match[str], published: Optional[dt.date]) -> Optional[ResolvedDate]:
    month = match["month"]
    month_number = int(month) if month.isdigit() else MONTHS[month]
    day, year = int(match["day"]), _int(match["year"])
    if year is None:
        if published is None:
            return UNKNOWN
        return _closest_day(month_number, day, published)
    try:
        return ResolvedDate(dt.date(year, month_number, day), None, "day")
    except ValueError:
        return None  # "2016-13-45", "31 February": not a date


def _closest_day(month: int, day: int, published: dt.date) -> Optional[ResolvedDate]:
    """A day written without its year: the year that puts it closest to publication."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    best = min(candidates, key=lambda day_: (abs((day_ - published).days), day_ > published))
    return ResolvedDate(best, None, "day")


def _month(month: int, year: Optional[int], published: Optional[dt.date], tense: Tense) -> ResolvedDate:
    """A month: the one of ``year``, else the latest not after publication (next one if future)."""
    if year is None:
        if published is None:
            return UNKNOWN
        year = published.year
        if tense == "past" and month > published.month:
            year -= 1
        elif tense == "future" and month < published.month:
            year += 1
    last = calendar.monthrange(year, month)[1]
    return ResolvedDate(dt.date(year, month, 1), dt.date(year, month, last), "month")


def _relative(
    text: str, published: Optional[dt.date], anchor: Optional[dt.date], tense: Tense, marked: bool,
    lasting: bool = False,
) -> Optional[ResolvedDate]:
    """Expressions that need the publication date: weekdays, "last week", "two weeks ago", spans.

    ``marked``: the text says the span runs up to now ("during the", "the past"), so a bare
    duration ("three-week") is a range ending at ``anchor`` rather than a length of time.
    ``lasting``: "for two decades": a length of time, "ongoing" with no date (never a first day
    counted back from today, which would put a false day on the calendar).
    """
    if text in _ONE_DAY_WORDS or text.split(" ")[0] in ("yesterday", "today", "tonight", "tomorrow"):
        offset = _ONE_DAY_WORDS.get(text, _ONE_DAY_WORDS.get(text.split(" ")[0], 0))
        return ResolvedDate(published + dt.timedelta(days=offset), None, "day") if published else UNKNOWN
    match = _PATTERNS["weekday"].match(text)
    if match:
        future = tense == "future" or match["rel"] in ("next", "coming")
        return _weekday(WEEKDAYS[match["weekday"]], published, future) if published else UNKNOWN
    match = _PATTERNS["named_month"].match(text)
    if match:
        future = tense == "future" or match["rel"] in ("next", "coming")
        return _month(MONTHS[match["month"]], None, published, "future" if future else "past")
    if _PATTERNS["weekend"].match(text):
        return _weekend(text, published, tense) if published else UNKNOWN
    match = _PATTERNS["month_of_year"].match(text)
    if match:  # "October last year": that month of the year before publication
        if published is None:
            return UNKNOWN
        step = {"last": -1, "this": 0, "next": 1}[match["rel"]]
        return _month(MONTHS[match["month"]], published.year + step, published, tense)
    match = _PATTERNS["deictic"].match(text)
    if match:
        return _deictic(match["rel"], match["unit"], published) if published else UNKNOWN
    match = _PATTERNS["ago"].match(text)
    if match:
        return _ago(match["n"], match["unit"], published)
    match = _PATTERNS["since"].match(text)
    if match and not (marked or lasting):  # "for two years since 2015" is a length, not a date
        return _ago(match["n"], match["unit"], published)
    match = _PATTERNS["span"].match(text)
    if match and marked:
        return _duration(match["n"], match["unit"], anchor)
    if match and lasting:
        return ONGOING  # "has waged war for two decades": going on, with no first day to give
    if text in ("recent days", "recent weeks", "recent months"):
        unit = text.split(" ")[1].rstrip("s")
        return _duration("few", unit, anchor)
    return None


def _weekday(weekday: int, published: dt.date, future: bool) -> ResolvedDate:
    """The weekday on or before publication (past tense) or on or after it (future)."""
    if future:
        delta = (weekday - published.weekday()) % 7
        return ResolvedDate(published + dt.timedelta(days=delta), None, "day")
    delta = (published.weekday() - weekday) % 7
    return ResolvedDate(published - dt.timedelta(days=delta), None, "day")


def _weekend(text: str, published: dt.date, tense: Tense) -> ResolvedDate:
    """ "the weekend", "last weekend": the Saturday and Sunday on or before publication; "next weekend",
    or a future tense, the coming one."""
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    if tense == "future" or text.split(" ")[0] in ("coming", "next"):
        saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)
    elif text.startswith(("last", "previous")) and published.weekday() >= 5:
        saturday -= dt.timedelta(days=7)  # said on a weekend, "last weekend" is the one before
    return ResolvedDate(saturday, saturday + dt.timedelta(days=1), "range")


def _deictic(relation: str, unit: str, published: dt.date) -> ResolvedDate:
    """ "last week" (the previous Monday-Sunday), "this month", "next year"."""
    step = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[relation]
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return ResolvedDate(monday, monday + dt.timedelta(days=6), "week")
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + step
        return _month(month_index % 12 + 1, month_index // 12, published, "past")
    year = published.year + step
    return ResolvedDate(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _amount(text: str) -> Optional[int]:
    """ "two" -> 2, "a" -> 1, "3" -> 3; vague amounts ("a few", "several") give their floor."""
    if text in ("a", "an", "one"):
        return 1
    quantity = parse_quantity(text)
    if quantity is None:
        return None
    value = quantity.best if quantity.best is not None else quantity.low
    return value if value is not None and 0 < value <= 10_000 else None


def _ago(amount_text: str, unit: str, published: Optional[dt.date]) -> Optional[ResolvedDate]:
    """ "two weeks ago" -> the week starting 14 days before publication; "3 days ago" -> that day."""
    amount = _amount(amount_text)
    if amount is None:
        return None
    if published is None:
        return UNKNOWN
    vague = parse_quantity(amount_text) is not None and parse_quantity(amount_text).vague  # type: ignore[union-attr]
    try:
        if unit == "day":
            day = published - dt.timedelta(days=amount)
            if vague:  # "a few days ago": some day in the week before, not the floor itself
                return ResolvedDate(published - dt.timedelta(days=max(amount, 7)), day, "range")
            return ResolvedDate(day, None, "day")
        if unit in ("week", "fortnight"):
            # "two weeks ago": the day 14 days back, known to within a week (ACLED's week precision);
            # not a calendar week, so no end day is claimed
            return ResolvedDate(published - dt.timedelta(days=amount * _UNIT_DAYS[unit]), None, "week")
        if unit == "month":
            month_index = published.year * 12 + published.month - 1 - amount
            return _month(month_index % 12 + 1, month_index // 12, published, "past")
        year = published.year - amount * (10 if unit == "decade" else 1)
        return ResolvedDate(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    except (OverflowError, ValueError):
        return None


def _duration(amount_text: str, unit: str, end: Optional[dt.date]) -> Optional[ResolvedDate]:
    """ "during the three-week offensive": the N units ending at ``end`` (inclusive)."""
    amount = _amount(amount_text)
    if amount is None:
        return None
    if end is None:
        return UNKNOWN
    try:
        start = end - dt.timedelta(days=amount * _UNIT_DAYS[unit] - 1)
    except OverflowError:
        return None
    return ResolvedDate(start, end, "range")


def _int(text: Optional[str]) -> Optional[int]:
    return int(text) if text else None


# -- finding mentions in a Doc ---------------------------------------------------------------

#: A month's full name, or its short form as news agencies and ACLED's notes write it ('28 Apr 2020',
#: 'Sept. 3'), which the spaCy model often leaves out of the date ('28' a number, '2020' a year).
_SHORT_MONTH = r"(?:" + "|".join(sorted((m for m in MONTHS if m not in _FULL_MONTHS), key=len, reverse=True)) + r")\b\.?"
_ANY_MONTH = r"(?:(?:" + "|".join(sorted(_FULL_MONTHS, key=len, reverse=True)) + r")\b|" + _SHORT_MONTH + ")"

_EXTRA = re.compile(
    r"\b(?:(?:last|this|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:(?:the\s+)?day\s+before\s+)?(?:yesterday|today|tonight|tomorrow)\b"
    r"|" + ORDINAL_DAY + r"|\b(?:on|during|over|since|until)\s+(?:the\s+)?" + fixed_day_pattern() +
    r"|\b(?:(?:last|this|past|previous|coming|next)\s+)?weekend\b"
    r"|\b(?:last|this|next)\s+(?:week|month|year)\b"
    r"|\b(?:\w+|\d+)\s+(?:days?|weeks?|fortnights?|months?|years?|decades?)\s+(?:ago|since)\b"
    r"|\b(?:" + "|".join(m for m in calendar.month_name if m) + r")\s+(?:of\s+)?(?:last|this|next)\s+year\b"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b"
    r"|\b(?:during|in|over|throughout|on|for)\s+(?:the\s+same|that)\s+(?:period|day|week|month|year)\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _ANY_MONTH + r"(?:,?\s+\d{4}\b)?"
    # 'Apr 28, 2020': a short month before its day only with the year, so 'Mar 12 people' is no date
    r"|\b" + _SHORT_MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b",
    re.IGNORECASE,
)
_LEFT_WORDS = {"during", "over", "throughout", "in", "for", "since", "the", "past", "last", "recent"}
_RIGHT_WORDS = {"after", "before", "later", "earlier"}


def _candidate_spans(doc: Doc) -> list[Span]:
    spans = [ent for ent in doc_ents(doc) if ent.label_ in ("DATE", "TIME")]
    for match in _EXTRA.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if chosen and span.start < chosen[-1].end:
            continue
        chosen.append(_widen(span))
    return chosen


def _widen(span: Span) -> Span:
    """Take in the words that change what a date means: "during the", "after", "offensive"."""
    doc, start, end = span.doc, span.start, span.end
    if _is_bare_duration(span):
        while start > 0 and doc[start - 1].lower_ in _LEFT_WORDS and start > span.sent.start:
            start -= 1
        if end < len(doc) and span[-1].dep_ in ("amod", "compound", "npadvmod", "nmod") and span[-1].head.i == end:
            end += 1  # "three-week offensive"
    if end < len(doc) and doc[end].lower_ in _RIGHT_WORDS:
        end += 1
    return doc[start:end]


def _is_bare_duration(span: Span) -> bool:
    return bool(re.search(r"\b(days?|weeks?|months?|years?|decades?|fortnight)\b", _normalise(span.text))) and not (
        re.search(r"\b(?:ago|since)$", span.text.lower()) or _PATTERNS["deictic"].match(_normalise(span.text))
    )


def _tense(span: Span) -> Tense:
    """Future when the clause governing the date is ("will meet on Monday", "is to vote in May")."""
    verb = nearest_verb(span.root.head)
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in ("will", "'ll", "shall"):
            return "future"
    return "past"


def explain_date(event: Event, mentions: Sequence[DateMention]) -> str:
    """Why an event carries its date, in words, from the coded record: the publication day when the
    text names none (`reported`), else the date mention that gives it (the nearest one before the
    event's words, as the linker reads dates), else that the text names no date for it."""
    if event.date_precision == "reported":
        return "the text names no date: the event happened on or before the publication date"
    if event.date is None and event.date_precision == "ongoing":
        return "a length of time that runs up to now: ongoing, with no day"
    if event.date is None:
        return "the text names no date and no publication date is known: undated"
    anchor = (event.trigger or event.evidence).start
    same = [m for m in mentions if (m.date, m.date_end, m.precision) == (event.date, event.date_end, event.date_precision)]
    if not same:
        return f"{event.date_precision} {event.date}: a date of another mention of the same incident"
    mention = min(same, key=lambda m: (m.span[0] > anchor, abs(m.span[0] - anchor)))
    return f"from {mention.text!r} (characters {mention.span[0]}-{mention.span[1]}), read as {mention.precision}"
