"""A toll told for a period open up to the report's day is divided among its days (issue #24).

"Police have killed five protesters since Monday", in a report of Wednesday, tells five deaths over
Monday, Tuesday and Wednesday; ACLED's codebook divides a total told for several days among them,
the remainder on the first ("Reported fatalities"): 2 on the first day's row. The report's day is
the publication date, or the day a note gives its source ("(source dated 24/06)"), as ACLED's
2016 coders wrote. Towns, districts and groups are invented.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.conventions import acled_fatalities
from strife.evaluate.score import happened, is_relevant
from strife.extract.open_ranges import report_day
from strife.model import Article

WEDNESDAY = dt.date(2016, 6, 22)


@pytest.mark.parametrize("text, published, deaths", [
    pytest.param("Police have killed five protesters in Kallo town since Monday.", WEDNESDAY, 2,
                 id="since Monday, told on Wednesday: 5 over 3 days"),
    pytest.param("Police opened fire on protesters in Kallo town, killing five since Monday.", WEDNESDAY, 2,
                 id="a participle toll since Monday"),
    pytest.param('Police open fire on "mostly peaceful" protesters in "Pelo region", killing five "since Monday" '
                 "(source dated 22/06).", dt.date(2016, 6, 20), 2,
                 id="the note's source date ends the period, not the row's date"),
    pytest.param("Fighting between soldiers and the Bema militia in Tuwa district has left nine dead since Sunday.",
                 WEDNESDAY, 3, id="since Sunday: 9 over 4 days"),
    pytest.param("Nine people have been killed in Tuwa district since 19 June.", WEDNESDAY, 3,
                 id="since a calendar day"),
    pytest.param("Police killed five protesters in Kallo town on Tuesday.", WEDNESDAY, 5,
                 id="a toll of one day stays whole"),
    pytest.param("Police have killed five protesters in Kallo town since Wednesday.", WEDNESDAY, 5,
                 id="since the report's own day: one day, whole"),
])
def test_a_toll_since_a_day_is_divided_among_the_days_up_to_the_report(engine, text, published, deaths):
    events = engine.code(Article(id="note", text=text, published=published)).events
    rows = [e for e in happened(events) if is_relevant(e, "acled")]
    assert rows, text
    assert acled_fatalities(rows[0].fatalities, True) == deaths
    assert acled_fatalities(rows[0].fatalities, False) in (5, 9)


def test_a_period_longer_than_a_week_is_left_whole(engine):
    """"since 12 June", told on the 22nd: a campaign's statistic, not an incident's days."""
    result = engine.code(Article(id="note", text="Police have killed five protesters in Kallo town since 12 June.",
                                 published=WEDNESDAY))
    assert result.counts and all(c.split_over is None for c in result.counts)


@pytest.mark.parametrize("text, published, day", [
    ("Clashes in Kallo (source dated 22/06).", dt.date(2016, 6, 20), dt.date(2016, 6, 22)),
    ("Clashes in Kallo (source dated 02/01).", dt.date(2016, 12, 30), dt.date(2017, 1, 2)),
    ("Clashes in Kallo (report dated 3/7/2015).", dt.date(2015, 7, 1), dt.date(2015, 7, 3)),
    ("Clashes in Kallo.", dt.date(2016, 6, 20), dt.date(2016, 6, 20)),
    ("Clashes in Kallo (source dated 31/02).", dt.date(2016, 6, 20), dt.date(2016, 6, 20)),
])
def test_the_report_day_is_the_source_date_a_note_gives(text, published, day):
    assert report_day(text, published) == day
