"""Linking figures, dates and quotes to events (strife.extract.link, figure_links), through the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from strife.extract.tolls import incident_toll
from strife.model import Article, Count

PUBLISHED = dt.date(2020, 5, 9)


def code(engine, text: str, published: dt.date = PUBLISHED):
    return engine.code(Article(text=text, published=published))


def violent(result):
    return [e for e in result.events if e.event_type in ("ASSAULT", "FIGHT") and not (e.negated or e.hypothetical)]


def tolls(result) -> set:
    """The tolls the article's violent events carry (each toll is on one event only)."""
    return {e.fatalities.best for e in violent(result) if e.fatalities}


# --- incident_toll on its own (no parse) ------------------------------------------------------

TEXT = "Forty soldiers and eight rebels were killed. A total of 50 deaths. Some 40 died."


def figure(text: str, best=None, low=None, total=False, vague=False) -> Count:
    start = TEXT.index(text)
    low = best if low is None else low
    return Count(low=low, best=best, high=best, text=text, span=(start, start + len(text)), kind="killed",
                 total=total, vague=vague)


def test_figures_for_different_victims_add_up_with_a_span_over_them():
    toll = incident_toll([figure("Forty soldiers", 40), figure("eight rebels", 8)], TEXT)
    assert (toll.low, toll.best, toll.high) == (48, 48, 48)
    assert TEXT[toll.span[0]:toll.span[1]] == toll.text == "Forty soldiers and eight rebels"


def test_a_stated_total_wins_over_its_parts():
    toll = incident_toll([figure("Forty soldiers", 40), figure("A total of 50 deaths", 50, total=True)], TEXT)
    assert toll.best == 50 and toll.total


def test_a_vague_part_leaves_no_exact_best():
    toll = incident_toll([figure("Forty soldiers", 40), figure("Some 40", low=24, vague=True)], TEXT)
    assert toll.best is None and toll.low == 64 and toll.vague


def test_no_figures_no_toll():
    assert incident_toll([], TEXT) is None


# --- through the pipeline ---------------------------------------------------------------------


def test_an_outcome_sentence_gives_its_toll_to_the_incident(engine):
    result = code(engine, "On 7 May 2020, GNA aircraft conducted nine airstrikes on the Al Harsha airbase. "
                          "Thirteen LNA soldiers were reportedly killed.")
    assert tolls(result) == {13}
    (count,) = [c for c in result.counts if c.kind == "killed"]
    assert sum(1 for e in result.events if e.id == count.event_id) == 1  # the figure links to one event


def test_victims_listed_together_are_summed(engine):
    result = code(engine, "On 5 May 2020, LNA forces clashed with GNA forces near Tripoli. "
                          "Forty GNA soldiers and eight LNA soldiers were reportedly killed during the clash.")
    assert 48 in tolls(result)


@pytest.mark.parametrize("text, best", [
    ("On 8 May 2020, two armed men attacked a man in Los Mochis. The victim died. 1 fatality.", 1),
    (("On 9 May 2020, armed men shot three men in Chimaltenango. One victim was killed and two were injured. "
      "1 fatality."), 1),
    ("On 3 May 2020, a man and a woman were shot dead in Irapuato. 2 fatalities", 2),
])
def test_closing_tallies_are_not_added_to_what_they_restate(engine, text, best):
    result = code(engine, text)
    assert tolls(result) == {best}


def test_a_figure_in_a_clause_of_earlier_events_is_not_the_main_events(engine):
    result = code(engine, "On 6 May 2020, residents attacked police officers in Kingston after two children "
                          "were killed by gunmen.")
    attacks = [e for e in result.events if e.trigger and e.trigger.text == "attacked"]
    assert attacks and attacks[0].fatalities is None
    (children,) = [c for c in result.counts if c.kind == "killed"]
    assert children.best == 2 and children.event_id != attacks[0].id


def test_a_wider_days_total_does_not_replace_the_incidents_figure(engine):
    result = code(engine, "On Monday, a field hospital was shelled by rebel forces in Aleppo. Two Russian nurses "
                          "were killed in the attack. A total of eight deaths were reported in government areas.",
                  dt.date(2016, 12, 6))
    assert 2 in tolls(result) and 8 not in tolls(result)


def test_background_years_and_lengths_of_time_do_not_date_todays_events(engine):
    result = code(engine, "Washington fomented the 2011 civil war, and it has waged war in the region for two "
                          "decades.", dt.date(2016, 12, 6))
    waged = [e for e in result.events if e.trigger and e.trigger.start > 40]
    assert waged and all(e.date is None or e.date.year != 2011 for e in waged)
    assert any(e.date_precision == "ongoing" for e in waged)


GRIEVANCE_NOTES = [
    # (text, the row's date): a length of time in a clause describing a noun dates that clause only
    ("Clerks of the Velmora tehsil office protested for the issuance of their salaries that have been "
     "withheld for the last 4 months.", dt.date(2015, 6, 20)),
    ("In Korsabad, health workers protested, demanding their salaries that have been withheld for several "
     "months.", dt.date(2015, 6, 20)),
    ("Nurses of Korsabad hospital demanded release of their salaries withheld for the last 4 months.",
     dt.date(2015, 6, 20)),
    # the act's own length of time still dates it
    ("Clerks in Velmora have protested for the last three months.", dt.date(2015, 3, 23)),
]


EARLIER_NOTES = [
    # (text, the row's date): a date under a past-perfect relative clause dates that clause only
    ("Police arrested 40 elders who had come to Velmora village to discuss the killing of 5 herders "
     "by soldiers on 5 June.", dt.date(2015, 6, 20)),
    ("Soldiers detained 12 villagers who had fled Korsabad on 10 June.", dt.date(2015, 6, 20)),
    # a lead date outside the clause still dates the news
    ("On 18 June, police arrested 3 men who had attacked a trader in Velmora.", dt.date(2015, 6, 18)),
]


@pytest.fixture(scope="module")
def clause_rows(engine):
    """The rows of GRIEVANCE_NOTES then EARLIER_NOTES, coded in one batch."""
    from strife.evaluate.score import happened, is_relevant
    from strife.rows import record_row_event

    results = engine.code_articles([Article(id=f"g{n}", text=text, published=dt.date(2015, 6, 20))
                                    for n, (text, _) in enumerate(GRIEVANCE_NOTES + EARLIER_NOTES)])
    return [record_row_event([e for e in happened(r.events) if is_relevant(e, "acled")]) for r in results]


@pytest.mark.parametrize("n", range(len(GRIEVANCE_NOTES)))
def test_how_long_a_grievance_lasted_does_not_date_the_protest(clause_rows, n):
    """'demanding their salaries that have been withheld for several months': the length of time
    tells how long the salaries were withheld (a relative clause or participle of the noun), not
    when the workers protested, who did so on the day of the report."""
    row = clause_rows[n]
    assert row is not None and row.date == GRIEVANCE_NOTES[n][1], row and (row.date, row.date_precision)


@pytest.mark.parametrize("n", range(len(EARLIER_NOTES)))
def test_a_past_perfect_clause_keeps_its_date(clause_rows, n):
    """'arrested elders who had come to discuss the killing ... on 5 June': English's past perfect
    tells the clause as earlier than the news; its date is the clause's, and the arrest, with no
    date of its own, is of the day of the report."""
    row = clause_rows[len(GRIEVANCE_NOTES) + n]
    assert row is not None and row.date == EARLIER_NOTES[n][1], row and (row.date, row.date_precision)


def test_quotes_are_evidence_for_their_event_and_claims_point_at_their_reporter(engine):
    text = ("On Monday, Lavrov declared the resolution to be a “provocation.” "
            "The New York Times reported that US officials refused to comment.")
    result = code(engine, text, dt.date(2016, 12, 6))
    (quote,) = result.quotes
    assert quote.event_id in {e.id for e in result.events}
    times = next(c for c in result.claims if c.reporter == "The New York Times")
    assert text[times.reporter_span[0]:times.reporter_span[1]] == "The New York Times" and times.confidence > 0.5


# --- the reference article --------------------------------------------------------------------


@pytest.fixture(scope="module")
def aleppo(engine, aleppo_text):
    return engine.code(Article(id="aleppo", text=aleppo_text, published=dt.date(2016, 12, 6)))


def test_aleppo_dated_gold_events_have_the_gold_dates(aleppo, aleppo_text, aleppo_gold):
    from strife.evaluate import match_events, real_events
    from strife.evaluate.strife_gold import load_strife_gold
    from tests.conftest import ALEPPO_GOLD

    raw = {event["id"]: event for event in aleppo_gold["events"]}
    wrong = []
    for match in match_events(load_strife_gold(ALEPPO_GOLD, aleppo_text), real_events(aleppo)):
        gold = raw[match.gold.id]
        if not gold.get("required") or not gold.get("date") or len(gold["date"]) != 10 or match.predicted is None:
            continue
        wanted = (dt.date.fromisoformat(gold["date"]), dt.date.fromisoformat(gold.get("date_end") or gold["date"]))
        got = (match.predicted.date, match.predicted.date_end or match.predicted.date)
        if got != wanted:
            wrong.append((gold["id"], wanted, got))
    assert wrong == []


def test_aleppo_gold_quotes_have_their_speakers_and_gold_reporters_their_claims(aleppo, aleppo_gold):
    for gold in aleppo_gold["quotes"]:
        quote = next(q for q in aleppo.quotes if q.text.startswith(gold["starts"]))
        names = f"{quote.speaker.name} {quote.speaker.canonical or ''}" if quote.speaker else ""
        assert gold["speaker"].split()[-1] in names, (gold, quote.speaker)
    for gold in aleppo_gold["reported_by"]:
        assert any(c.reporter == gold["source"] and gold["claim_starts"] in c.text for c in aleppo.claims), gold
    events = {e.id for e in aleppo.events}
    assert sum(1 for q in aleppo.quotes if q.event_id in events) >= 4


def test_aleppo_figures_reach_their_events(aleppo):
    tolls = {e.fatalities.best for e in aleppo.events if e.fatalities}
    assert {320, 69, 2} <= tolls and 8 not in tolls  # 8 is a day's total for other areas


def test_a_toll_is_carried_by_one_event_so_sums_never_count_a_death_twice(engine):
    result = code(engine, "Three PKK militants were killed, one was injured and one was captured in clashes "
                          "with Turkish soldiers near Hakkari on Monday.")
    carriers = [e for e in result.events if e.fatalities is not None]
    assert len(carriers) == 1 and carriers[0].fatalities.best == 3
    assert sum(e.fatalities.best for e in carriers) == 3


def test_aleppo_geneva_and_brussels_are_not_where_anything_happened(aleppo):
    """Issue 6: Geneva is where unconfirmed talks would be, Brussels stands for the EU."""
    from strife.resolve.coref import is_real

    places = {e.location.name for e in aleppo.events if e.location is not None and is_real(e)}
    assert {"Aleppo", "Idlib", "Mosul"} <= places
    assert not {"Geneva", "Brussels"} & places


def test_a_place_of_a_supposed_act_is_not_lent_to_the_next_sentence(engine):
    text = ("Officials refused to confirm whether talks would begin in Geneva in the coming days. "
            "Rebels shelled a market, killing four people.")
    result = engine.code(Article(id="t", text=text, published=dt.date(2020, 5, 4)))
    shelling = [e for e in result.events if e.fatalities is not None]
    assert shelling and all(e.location is None or e.location.name != "Geneva" for e in shelling)


def test_a_merged_incidents_toll_names_an_event_of_the_article(engine):
    """The toll of mentions merged into one incident is a copy; its `event_id` must still be
    renumbered with the events (it kept the absorbed mention's working id, "m2")."""
    text = ("On 29 April 2020, militiamen clashed with farmers at a market in a county town. "
            "3 farmers were killed and 2 wounded.")
    result = engine.code(Article(id="t", text=text, published=dt.date(2020, 5, 1)))
    ids = {event.id for event in result.events}
    figures = [f for e in result.events for f in (e.fatalities, e.injured) if f is not None]
    assert figures and all(f.event_id in ids for f in figures)
