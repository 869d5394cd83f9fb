"""A toll told for a period open up to the report's day ("killing five since Monday").

"Police have killed five protesters since Monday", in a report of Wednesday, tells five deaths over
three days, Monday to Wednesday. ACLED's codebook divides a total told for several days among
them, the remainder on the first ("Reported fatalities"), as `strife.extract.counts` does for a
range the text names ("on 19-20 June", "over the past three days"). Here the range is open: it
starts on the day after "since" and ends on the day of the report, which is the publication date,
or the day a note gives its source ("(source dated 22/06)", `data/report_words.csv` report_date).
A period longer than a week is a campaign's statistic, not an incident's days, and stays whole.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional, Sequence

from spacy.tokens import Doc

from strife.extract import Layout, doc_text
from strife.extract.dates import resolve_date
from strife.extract.report_words import report_words
from strife.model import Count, DateMention

#: The longest open period whose toll is divided among its days (as for a named range of days).
LONGEST_SPREAD_DAYS = 7
_SINCE = re.compile(r"^\W*since\s+", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\W*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _report_date_note() -> Optional[re.Pattern[str]]:
    phrases = sorted(report_words().get("report_date", ()), key=len, reverse=True)
    if not phrases:
        return None
    words = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(rf"\b(?:{words})\s+(\d{{1,2}})/(\d{{1,2}})(?:/(\d{{2,4}}))?\b", re.IGNORECASE)


def report_day(text: str, published: Optional[dt.date]) -> Optional[dt.date]:
    """The day of the report: the day a note gives its source ("(source dated 22/06)", in the
    year of publication, or the closest one), else the publication date."""
    pattern = _report_date_note()
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        return published
    day, month = int(found[1]), int(found[2])
    year = int(found[3]) if found[3] else (published.year if published else None)
    if year is None:
        return published
    year += 2000 if year < 100 else 0
    try:
        noted = dt.date(year, month, day)
    except ValueError:
        return published
    if not found[3] and published is not None and abs((noted - published).days) > 183:
        noted = noted.replace(year=year + (1 if noted < published else -1))
    return noted


def spread_since(counts: Sequence[Count], dates: Sequence[DateMention], doc: Doc,
                 published: Optional[dt.date]) -> None:
    """Give each figure told in the sentence of a "since <day>" the days from that day to the
    report's (`Count.split_over`), when they are two to seven; a figure already spread keeps its."""
    text = doc_text(doc)
    report = report_day(text, published)
    if report is None:
        return
    layout: Optional[Layout] = None
    for mention in dates:
        days = _days_up_to(mention, text, report)
        if days is None:
            continue
        layout = layout or Layout(doc)
        sentence = layout.sentence(mention.span[0])
        for count in counts:
            if count.split_over is None and count.span is not None and layout.sentence(count.span[0]) == sentence:
                count.split_over = days


def _days_up_to(mention: DateMention, text: str, report: dt.date) -> Optional[int]:
    """The days from the day a "since" mention opens ("since Monday", the date's words with the
    "since" before them) to ``report``, both counted, or None."""
    if not (_SINCE.match(mention.text) or _SINCE_BEFORE.search(text[max(0, mention.span[0] - 8) : mention.span[0]])):
        return None
    resolved = resolve_date(_SINCE.sub("", mention.text), report)
    if resolved is None or resolved.precision != "day" or resolved.date is None:
        return None
    days = (report - resolved.date).days + 1
    return days if 2 <= days <= LONGEST_SPREAD_DAYS else None
