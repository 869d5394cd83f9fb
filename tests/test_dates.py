"""Date resolution against a publication date, and date mentions in parsed text."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strife.extract.dates import WEEKDAYS, ResolvedDate, find_dates, is_future, resolve_date
from strife.model import DateMention
from tests.conftest import SHARED

PUBLISHED = dt.date(2016, 12, 6)  # a Tuesday
ACLED_DEV = SHARED / "gold" / "dev" / "acled-2020-dev.csv"
D = dt.date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Monday", (D(2016, 12, 5), None, "day")),
        ("Sunday", (D(2016, 12, 4), None, "day")),
        ("Tuesday", (D(2016, 12, 6), None, "day")),
        ("yesterday", (D(2016, 12, 5), None, "day")),
        ("today", (D(2016, 12, 6), None, "day")),
        ("last week", (D(2016, 11, 28), D(2016, 12, 4), "week")),
        ("in September", (D(2016, 9, 1), D(2016, 9, 30), "month")),
        ("last month", (D(2016, 11, 1), D(2016, 11, 30), "month")),
        ("two weeks ago", (D(2016, 11, 22), None, "week")),
        ("for the past two weeks", (D(2016, 11, 23), D(2016, 12, 6), "range")),
        ("for two decades", (None, None, "ongoing")),
        ("on 5 December", (D(2016, 12, 5), None, "day")),
        ("December 5", (D(2016, 12, 5), None, "day")),
        ("5 Dec 2016", (D(2016, 12, 5), None, "day")),
        ("On 9 May 2020", (D(2020, 5, 9), None, "day")),
        ("in 2011", (D(2011, 1, 1), D(2011, 12, 31), "year")),
        ("during the three-week offensive", (D(2016, 11, 16), D(2016, 12, 6), "range")),
        ("the coming days", (None, None, "unknown")),
        ("less than a week after", (None, None, "unknown")),
        # news-agency conventions for parts of a period (README: "Dates")
        ("the weekend", (D(2016, 12, 3), D(2016, 12, 4), "range")),
        ("last weekend", (D(2016, 12, 3), D(2016, 12, 4), "range")),
        ("about a fortnight ago", (D(2016, 11, 22), None, "week")),
        ("five years since", (D(2011, 1, 1), D(2011, 12, 31), "year")),
        ("two weeks since", (D(2016, 11, 22), None, "week")),
        ("In October last year", (D(2015, 10, 1), D(2015, 10, 31), "month")),
        ("earlier this month", (D(2016, 12, 1), D(2016, 12, 5), "range")),
        ("earlier this week", (D(2016, 12, 5), D(2016, 12, 5), "range")),
        ("earlier this year", (D(2016, 1, 1), D(2016, 12, 5), "range")),
        ("late last year", (D(2015, 9, 1), D(2015, 12, 31), "range")),
        ("the end of last year", (D(2015, 9, 1), D(2015, 12, 31), "range")),
        ("early last month", (D(2016, 11, 1), D(2016, 11, 10), "range")),
        ("mid-2015", (D(2015, 5, 1), D(2015, 8, 31), "range")),
        ("late Monday", (D(2016, 12, 5), None, "day")),
    ],
)
def test_resolve_against_publication(text: str, expected: tuple) -> None:
    assert resolve_date(text, PUBLISHED) == ResolvedDate(*expected)


def test_duration_ends_at_the_latest_reference() -> None:
    resolved = resolve_date("during the three-week offensive", PUBLISHED, anchor=D(2016, 12, 5))
    assert resolved == ResolvedDate(D(2016, 11, 15), D(2016, 12, 5), "range")


def test_year_is_the_one_closest_to_publication() -> None:
    assert resolve_date("December 28", D(2017, 1, 3)) == ResolvedDate(D(2016, 12, 28), None, "day")


def test_future_tense_points_forward() -> None:
    assert resolve_date("Monday", PUBLISHED, tense="future") == ResolvedDate(D(2016, 12, 12), None, "day")
    assert resolve_date("September", PUBLISHED, tense="future").date == D(2017, 9, 1)


@pytest.mark.parametrize("text", ["Monday", "last week", "two weeks ago", "yesterday", "December 5"])
def test_relative_dates_without_publication_are_unknown(text: str) -> None:
    assert resolve_date(text, None) == ResolvedDate(None, None, "unknown")


def test_absolute_dates_resolve_without_publication() -> None:
    assert resolve_date("9 May 2020", None) == ResolvedDate(D(2020, 5, 9), None, "day")


@pytest.mark.parametrize("text", ["2016-13-45", "31 February 2016", "seven-day", "the Security Council", ""])
def test_impossible_or_non_dates_give_none(text: str) -> None:
    assert resolve_date(text, PUBLISHED) is None


def test_is_future() -> None:
    assert is_future("in the coming days") and is_future("next week") and not is_future("last week")
    mention = DateMention(text="December 20", span=(0, 11), date=D(2016, 12, 20), precision="day")
    assert is_future(mention, PUBLISHED) and not is_future(mention)


def test_aleppo_dates(nlp, aleppo_text: str) -> None:
    mentions = find_dates(nlp(aleppo_text), PUBLISHED)
    by_text = {mention.text: mention for mention in mentions}
    assert all(m.date == D(2016, 12, 5) for m in mentions if m.text == "Monday")
    assert by_text["Sunday"].date == D(2016, 12, 4)
    assert (by_text["last week"].date, by_text["last week"].date_end) == (D(2016, 11, 28), D(2016, 12, 4))
    assert (by_text["September"].date, by_text["September"].precision) == (D(2016, 9, 1), "month")
    assert by_text["two weeks ago"].precision == "week" and by_text["two weeks ago"].date == D(2016, 11, 22)
    offensive = next(m for m in mentions if "three-week" in m.text)
    assert offensive.precision == "range" and offensive.date_end in (D(2016, 12, 5), D(2016, 12, 6))
    assert is_future(next(m for m in mentions if "coming days" in m.text))
    assert not any("seven-day" in m.text for m in mentions)
    same = next(m for m in mentions if "same period" in m.text)
    assert (same.date, same.date_end, same.precision) == (offensive.date, offensive.date_end, "range")
    decades = next(m for m in mentions if "two decades" in m.text)
    assert (decades.date, decades.precision) == (None, "ongoing")  # a length of time is not a date
    for mention in mentions:
        assert aleppo_text[mention.span[0] : mention.span[1]] == mention.text


def test_acled_notes_dates(nlp) -> None:
    if not ACLED_DEV.exists():
        pytest.skip("ACLED dev notes not found (../shared is absent)")
    with ACLED_DEV.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["notes"].startswith("On ")][:10]
    assert len(rows) == 10, "the dev notes should give ten rows to check; fewer would check less, none nothing"
    for row in rows:
        event_day = dt.datetime.strptime(row["event_date"], "%d-%b-%y").date()
        mentions = find_dates(nlp(row["notes"]), event_day)
        assert mentions and mentions[0].date == event_day, row["notes"][:60]


_DAYS = st.dates(min_value=D(1900, 1, 8), max_value=D(2100, 12, 31))


@settings(max_examples=200, deadline=None)
@given(_DAYS, st.sampled_from(sorted(WEEKDAYS)))
def test_weekday_is_within_the_six_days_before(published: dt.date, weekday: str) -> None:
    resolved = resolve_date(weekday.capitalize(), published)
    assert resolved is not None and resolved.precision == "day"
    assert 0 <= (published - resolved.date).days <= 6
    assert resolved.date.weekday() == WEEKDAYS[weekday]


@settings(max_examples=200, deadline=None)
@given(_DAYS, st.integers(1, 12))
def test_month_is_not_after_publication(published: dt.date, month: int) -> None:
    name = dt.date(2000, month, 1).strftime("%B")
    resolved = resolve_date(f"in {name}", published)
    assert resolved.precision == "month" and resolved.date <= published and resolved.date.month == month


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.one_of(st.none(), _DAYS))
def test_any_text_resolves_without_error(text: str, published) -> None:
    resolved = resolve_date(text, published)
    if resolved is not None and resolved.date and resolved.date_end:
        assert resolved.date <= resolved.date_end


def test_a_length_of_time_is_only_ongoing_when_it_runs_up_to_now(nlp) -> None:
    going = find_dates(nlp("Rebels have held the town for two years."), PUBLISHED)
    assert [(m.text, m.date, m.precision) for m in going] == [("for two years", None, "ongoing")]
    past = find_dates(nlp("He was detained for two weeks."), PUBLISHED)
    assert past == []


@pytest.mark.parametrize("text, day", [
    ("On 28 Apr 2020, nurses in Velmora protested.", D(2020, 4, 28)),
    ("On 5 Mar 2020, traders in Velmora protested.", D(2020, 3, 5)),
    ("On Apr 28, 2020, nurses in Velmora protested.", D(2020, 4, 28)),
    ("On 3 Sept. 2020, nurses in Velmora protested.", D(2020, 9, 3)),
])
def test_a_short_month_name_dates_the_day(nlp, text: str, day: dt.date) -> None:
    """'28 Apr 2020': the short form of a month, as news agencies and ACLED's notes write it, names a
    day as the full name does; the spaCy model reads '28' as a number and only '2020' as a date."""
    assert [m.date for m in find_dates(nlp(text), D(2020, 5, 3))] == [day]


def test_a_short_month_before_a_number_needs_its_year(nlp) -> None:
    assert [m.text for m in find_dates(nlp("Police said Mar 12 people were hurt."), D(2020, 5, 3))] == []


@pytest.mark.parametrize("text", [
    "In Velmora, militants blew up two pylons at night between Friday and Saturday.",
    "In Velmora, militants blew up two pylons on the intervening night of Friday and Saturday.",
    "Militants blew up two pylons in Velmora on the night of Friday to Saturday.",
])
def test_a_night_between_two_days_is_the_later_day(nlp, text: str) -> None:
    """A night told by the two days it joins is dated by the later one, as 'the night of 6-7
    February' is; two days joined without a night stay two dates."""
    assert [m.date for m in find_dates(nlp(text), D(2015, 2, 7))] == [D(2015, 2, 7)]


def test_two_days_without_a_night_stay_two(nlp) -> None:
    dates = find_dates(nlp("Militants attacked Velmora on Friday and Saturday."), D(2015, 2, 7))
    assert [m.date for m in dates] == [D(2015, 2, 6), D(2015, 2, 7)]


def test_that_day_is_the_last_day_named(nlp) -> None:
    mentions = find_dates(nlp("Rebels shelled the town on Sunday. Two people died on the same day."), PUBLISHED)
    assert [m.date for m in mentions] == [D(2016, 12, 4), D(2016, 12, 4)]


@settings(max_examples=200, deadline=None)
@given(_DAYS, st.integers(1, 30), st.sampled_from(["day", "week", "month", "year"]))
def test_ago_is_before_publication_and_never_claims_a_future_end(published: dt.date, amount: int, unit: str) -> None:
    resolved = resolve_date(f"{amount} {unit}s ago", published)
    assert resolved is not None and resolved.date is not None and resolved.date < published
    assert resolved.date_end is None or resolved.date <= resolved.date_end <= published


@settings(max_examples=200, deadline=None)
@given(_DAYS, st.integers(2, 52), st.sampled_from(["day", "week", "month"]))
def test_a_bare_length_of_time_is_never_a_date(published: dt.date, amount: int, unit: str) -> None:
    resolved = resolve_date(f"for {amount} {unit}s", published)
    assert resolved is not None and resolved.date is None and resolved.precision == "ongoing"
    past = resolve_date(f"over the past {amount} {unit}s", published)
    assert past.date_end == published and past.date < published


@pytest.mark.parametrize("text, published, day", [
    # a day of the month told without its month takes the month the text last named ...
    ("Fighting resumed around Harlow in early May. On the 3rd, rebels attacked a post at Harlow.", D(2020, 5, 20), D(2020, 5, 3)),
    ("Clashes broke out in October in Pemsey. On the 28th, soldiers and rebels clashed there.", D(2019, 11, 1), D(2019, 10, 28)),
    # ... else the month of publication, or the month before when that day is still to come
    ("On the 4th, militiamen burned houses in Quillon village.", D(2020, 5, 6), D(2020, 5, 4)),
    ("Rebels seized the town of Osmerby on the 29th, residents said.", D(2019, 11, 1), D(2019, 10, 29)),
    ("The day before yesterday, gunmen killed two farmers in Tasselby.", D(2020, 5, 6), D(2020, 5, 4)),
])
def test_a_day_told_by_its_context(nlp, text: str, published: dt.date, day: dt.date) -> None:
    assert [m.date for m in find_dates(nlp(text), published) if m.precision == "day"][-1] == day


@pytest.mark.parametrize("text", ["Rebels of the 6th Brigade shelled Harlow.", "A bomb hit the 19th kilometre of the road."])
def test_an_ordinal_that_names_a_unit_is_no_day(nlp, text: str) -> None:
    assert find_dates(nlp(text), D(2020, 5, 6)) == []


@pytest.mark.parametrize("text, day", [
    ("Rebels shelled the outskirts of Marrowby overnight on Saturday, residents said.", D(2021, 2, 27)),
    ("Overnight Sunday, militiamen raided Oskley village and killed five civilians.", D(2021, 2, 28)),
])
def test_a_night_word_before_its_day_names_no_day_of_its_own(nlp, text: str, day: dt.date) -> None:
    """'overnight on Saturday' is Saturday's night, not the night before publication."""
    assert [m.date for m in find_dates(nlp(text), D(2021, 3, 2))] == [day]


@pytest.mark.parametrize("text, day", [
    ("VELMORA, May 5 (Agency) - Gunmen killed a judge in the town of Orsby on Wednesday, police said.", D(2020, 4, 29)),
    ("VELMORA, May 5 (Agency) - Gunmen killed a judge in the town of Orsby yesterday, police said.", D(2020, 5, 4)),
    ("DRAVELY, Feb. 28 (Agency) - Soldiers clashed with rebels near Selby on Monday, killing six.", D(2021, 2, 22)),
])
def test_a_wire_report_counts_from_its_dateline(nlp, text: str, day: dt.date) -> None:
    """A reprint published days later keeps the agency's 'Wednesday': the one before the filing day."""
    published = D(2020, 5, 6) if "May" in text else D(2021, 3, 2)
    assert [m.date for m in find_dates(nlp(text), published)][-1] == day


def test_an_undated_act_of_a_wire_report_is_of_its_filing_day(row_event) -> None:
    event = row_event("VELMORA, May 5 (Agency) - Unidentified gunmen killed two policemen in the town of Orsby, "
                      "officials said.", D(2020, 5, 6))
    assert (event.date, event.date_precision) == (D(2020, 5, 5), "reported")


@pytest.mark.parametrize("text, published, tense, day", [
    ("On New Year's Eve", D(2021, 1, 2), "past", D(2020, 12, 31)),
    ("on New Year\u2019s Day", D(2021, 1, 2), "past", D(2021, 1, 1)),
    ("over Christmas Day", D(2020, 12, 27), "past", D(2020, 12, 25)),
    ("on International Women's Day", D(2021, 3, 2), "future", D(2021, 3, 8)),
    ("on International Women's Day", D(2021, 3, 2), "past", D(2020, 3, 8)),
])
def test_a_day_named_by_the_calendar(text: str, published: dt.date, tense: str, day: dt.date) -> None:
    """Days fixed on the calendar in every country ('data/date_fixed_days.csv'); the year is the one
    that puts them on or before publication, or on or after it in a future tense."""
    assert resolve_date(text, published, tense=tense) == ResolvedDate(day, None, "day")


def test_a_day_named_by_the_calendar_in_a_note(nlp) -> None:
    text = "On New Year's Eve, protesters burned tyres in Delmby."
    assert [m.date for m in find_dates(nlp(text), D(2021, 1, 2))] == [D(2020, 12, 31)]
    occasion = "On 28 April 2020, nurses marched in Delmby to mark International Workers' Day."
    assert [m.date for m in find_dates(nlp(occasion), D(2020, 4, 28))] == [D(2020, 4, 28)]


#: made-up two-day notes: the date in a clause that tells a noun's past ('a teacher abducted on 28
#: April', 'a man who was seized on April 29') dates that clause, not the sentence's main act; and
#: the clause's act, on its earlier day, is not the row (`lead_row.past_of_a_participant_yields`)
TOLD_CLAUSE_NOTES = [
    ("On 7 April 2020, a health worker who was kidnapped on 2 April was killed by his captors in Faldor (Verro).",
     D(2020, 4, 8), D(2020, 4, 7)),
    ("On 6 July 2020, mourners at the funeral of a youth killed by police on 3 July in Halvo clashed with police, "
     "who fired tear gas.", D(2020, 7, 7), D(2020, 7, 6)),
    ("Relatives of a man shot dead by soldiers on August 6 staged a sit-in in front of the Dervo governor's office "
     "on Monday.", D(2019, 8, 14), D(2019, 8, 12)),
    ("On 3 June 2019, a man suspected of killing a shopkeeper in Ulmeth on 29 May was arrested by police.",
     D(2019, 6, 4), D(2019, 6, 3)),
    ("On 19 January 2021, a man arrested on 17 January died in police custody in Breln after being tortured. "
     "1 fatality.", D(2021, 1, 20), D(2021, 1, 19)),
    # a next sentence with no day of its own takes the note's day, not the clause's
    ("On 10 July 2019, the body of a farmer who went missing on 6 July was found in a forest near Birvana "
     "(Kesh, Ostrin). He had been shot.", D(2019, 7, 11), D(2019, 7, 10)),
    # an act in such a clause, told on an earlier day, yields the row to the sentence's own act
    ("Two aid workers, abducted on 3 May, were executed by their captors on 11 May in Gosk.",
     D(2021, 5, 12), D(2021, 5, 11)),
    ("A student who was abducted on July 4 was found dead on Wednesday in a ditch outside Korrin, police said.",
     D(2019, 7, 12), D(2019, 7, 10)),
    # so does an act told on an earlier day in an 'after' clause of the sentence's act
    ("After gunmen abducted 5 passengers on 7 March near Rondo, the army on 10 March raided a kidnappers' camp "
     "in the Tesk forest, killing 3 of them.", D(2020, 3, 11), D(2020, 3, 10)),
    # an ACLED note's row is its opening day's act, not one told on a later day of its own
    ("On 3 February 2020, protesters gathered in Vintar to demand better pay. The protest continued on 4 February.",
     D(2020, 2, 5), D(2020, 2, 3)),
    # control: the sentence's own act is the one the earlier day dates
    ("On 3 February 2020, Harvo militiamen attacked Tulvin village, killing two civilians.",
     D(2020, 2, 5), D(2020, 2, 3)),
]


@pytest.fixture(scope="module")
def told_clause_rows(engine):
    from strife.evaluate.score import happened, is_relevant
    from strife.model import Article
    from strife.rows import record_row_event

    results = engine.code_articles([Article(id=f"t{i}", text=text, published=published)
                                    for i, (text, published, _) in enumerate(TOLD_CLAUSE_NOTES)])
    return [record_row_event([e for e in happened(r.events) if is_relevant(e, "acled")]) for r in results]


@pytest.mark.parametrize("number", range(len(TOLD_CLAUSE_NOTES)))
def test_a_date_of_a_clause_telling_a_nouns_past_is_not_the_rows(told_clause_rows, number: int) -> None:
    event = told_clause_rows[number]
    assert event is not None and event.date == TOLD_CLAUSE_NOTES[number][2], TOLD_CLAUSE_NOTES[number][0]
