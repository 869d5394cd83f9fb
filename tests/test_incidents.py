"""One incident, one event, one toll (strife.extract.incidents, strife.extract.datelines), on made-up
reports coded by the real pipeline, and on the shared real reports when they are present.

Each made-up report tells one incident in the ways wire copy does: two sides' accounts, a detail
paragraph, a running total, a past attack, the attackers' claim, a dateline. The question is the
one a dashboard asks: do the violent events that happened on the incident's days sum to its toll?
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.extract.datelines import dateline_spans
from strife.model import Article

from tests.conftest import SHARED

PUBLISHED = dt.date(2021, 3, 9)  # a Tuesday


def code(engine, text: str, published: dt.date = PUBLISHED):
    return engine.code(Article(text=text, published=published))


def happened_violence(result, since: dt.date | None = None):
    """The violent events a dashboard sums: happened, and dated from `since` on (or undated)."""
    return [e for e in result.events if e.event_type in ("ASSAULT", "FIGHT") and not (e.negated or e.hypothetical)
            and (since is None or e.date is None or (e.date_end or e.date) >= since)]


def summed(events) -> int:
    return sum(e.fatalities.best for e in events if e.fatalities and e.fatalities.best is not None)


TWO_ACCOUNTS = (
    "An air raid in the north of the country killed 9 villagers, including three children, local officials said, "
    "but the military said it killed four fighters in the weekend raid.\n\n"
    "The district chief said the attack happened on Sunday night in a hamlet near the river.\n\n"
    "The governor confirmed that five men and four women were killed in the attack.\n\n"
    "A military spokesman, Colonel Dana Brook, said a warplane killed four armed fighters near the river."
)


def test_two_accounts_of_one_raid_are_one_event_with_both_accounts(engine):
    result = code(engine, TWO_ACCOUNTS)
    events = happened_violence(result)
    assert len(events) == 1, [e.evidence.text for e in events]
    toll = events[0].fatalities
    assert (toll.low, toll.best, toll.high) == (4, 9, 9)  # the lead's figure; the military's four bound it
    assert any(a.perpetrator_claim and a.best == 4 for a in toll.accounts)  # "it killed four fighters"
    assert events[0].date == dt.date(2021, 3, 7)  # "in the weekend raid" + "Sunday night": Sunday


def test_a_running_total_is_a_statistic_not_an_attack(engine):
    text = ("Gunmen killed three traders at a market on Monday, police said.\n\n"
            "The attack brought to more than 40 the toll of violent deaths since the elections on Jan. 4.\n\n"
            "At least 2,000 civilians have been killed since the war began, the United Nations says.")
    result = code(engine, text)
    events = happened_violence(result)
    assert summed(events) == 3, [(e.evidence.text, e.fatalities) for e in events]
    assert [c.best for c in result.counts if c.aggregate] == [2000]
    assert all(c.event_id is None for c in result.counts if c.aggregate)
    assert len(events) == 1  # "The attack brought ..." is the market attack again, not an attack of Jan. 4


def test_a_past_attack_keeps_its_own_date_and_stays_out_of_the_days_total(engine):
    text = ("A car bomb killed five people at a checkpoint in the capital on Monday, officials said.\n\n"
            "In October last year, the same group carried out a truck bombing that killed more than 300 people. "
            "Two days ago, gunmen killed seven farmers in a similar attack.")
    result = code(engine, text)
    today = happened_violence(result, since=dt.date(2021, 3, 8))
    assert summed(today) == 5, [(e.evidence.text, e.date) for e in today]
    past = {e.date: e.date_precision for e in happened_violence(result) if e.date and e.date < dt.date(2021, 3, 8)}
    assert past.get(dt.date(2020, 10, 1)) == "month"
    assert dt.date(2021, 3, 7) in past


def test_the_attackers_claim_bounds_the_toll_but_is_never_its_best(engine):
    text = ("A suicide car bomb killed at least two police officers at a checkpoint on Monday, police said, "
            "and the Red Crescent Brigade claimed responsibility.\n\n"
            "\"We killed 10 soldiers,\" a Red Crescent Brigade spokesman said.")
    events = happened_violence(code(engine, text))
    assert summed(events) == 2, [(e.evidence.text, e.fatalities) for e in events]
    toll = next(e.fatalities for e in events if e.fatalities)
    assert toll.high == 10 and [a.best for a in toll.accounts if a.perpetrator_claim] == [10]


def test_a_nested_figure_is_never_added(engine):
    events = happened_violence(code(engine, "Shelling killed 11 civilians, including four children, on Monday."))
    assert summed(events) == 11


def test_parts_told_together_are_summed(engine):
    text = ("A suicide car bomb killed at least six people at a district office on Sunday.\n\n"
            "A spokesman said the three soldiers who stopped the car died instantly, along with three civilians.")
    assert summed(happened_violence(code(engine, text))) == 6


def test_a_habit_is_not_an_event(engine):
    result = code(engine, "The militant group frequently stages attacks in the capital.")
    assert happened_violence(result) == []


def test_a_dateline_is_not_where_the_event_happened(engine):
    text = ("Shelling kills four in village\n\n"
            "BEIRUT (AP) -- Government shelling killed four civilians on Saturday in a village in Idlib province, "
            "rescue workers said.")
    events = happened_violence(code(engine, text))
    assert events and all(e.location is None or e.location.country != "LBN" for e in events)


@pytest.mark.parametrize("text, dateline", [
    ("BEIRUT (AP) -- Shelling killed four.", "BEIRUT (AP) -- "),
    ("Title\n\nGUSAU, Nigeria - A total of 18 people were killed.", "GUSAU, Nigeria - "),
    ("KABUL, Afghanistan (Reuters) \u2014 A bomb exploded.", "KABUL, Afghanistan (Reuters) \u2014 "),
    ("Mogadishu, Somalia (AFP) - Gunmen attacked.", "Mogadishu, Somalia (AFP) - "),
    ("MOGADISHU: Gunmen attacked.", "MOGADISHU: "),
    ("Title\n\nTARNOVA, Jan 4 (Reuters) - A bomb exploded.", "TARNOVA, Jan 4 (Reuters) - "),
    ("VELKO, Oct. 6 (Reuters) - Gunmen attacked.", "VELKO, Oct. 6 (Reuters) - "),
])
def test_datelines_are_found_at_the_start_of_a_paragraph(text, dateline):
    start = text.index(dateline)
    assert dateline_spans(text) == [(start, start + len(dateline))]


@pytest.mark.parametrize("text", [
    "Police arrested 12 protesters in Minsk on Sunday.",
    "UPDATE: police arrested 12 protesters.",
    "Al-Shabab claims attack",
    "Gunmen - some of them masked - attacked the village.",
    "On 9 May 2020, clashes - the third this week - killed two.",
    "On Jan 4 - a Tuesday - gunmen attacked the village.",
])
def test_sentences_are_not_datelines(text):
    assert dateline_spans(text) == []


# -- the shared real reports ------------------------------------------------------------------

REAL_GOLD = SHARED / "gold" / "real-reports.json"


@pytest.fixture(scope="module")
def real_scores(engine):
    if not REAL_GOLD.exists():
        pytest.skip(f"shared real reports not found at {REAL_GOLD} (a fresh clone has no ../shared)")
    from strife.evaluate.incidents import read_reports, score_report
    from strife.ingest import read_inputs

    scores = []
    for gold in read_reports(REAL_GOLD):
        article = next(iter(read_inputs([str(SHARED / "articles" / "real" / gold.name)])))
        result = engine.code(article.model_copy(update={"published": gold.published}))
        scores.append(score_report(result, gold))
    return scores


@pytest.mark.parametrize("question", ["toll", "events", "day"])
def test_every_shared_real_report_gives_its_incident_once(real_scores, question):
    wrong = [(s.name, s.toll, [e.evidence.text[:40] for e in s.counted]) for s in real_scores if not s.answers[question]]
    assert wrong == []


def test_every_shared_real_report_places_its_deadliest_event_in_its_admin1(real_scores):
    assert [s.name for s in real_scores if not s.answers["admin1"]] == []


def test_a_toll_since_a_recent_day_is_the_incidents_own(engine):
    text = "Police opened fire on protesters in the capital, killing five since Monday."
    result = code(engine, text)
    assert not any(c.aggregate for c in result.counts)
    assert summed(happened_violence(result)) == 5


def test_a_digest_of_reports_on_one_line_keeps_each_report_and_its_toll(engine):
    text = ("Gunmen attacked a police checkpoint in the capital on Monday, killing 4 soldiers. "
            "Gunmen attacked a police checkpoint in the capital on Monday, killing 9 soldiers.")
    events = happened_violence(code(engine, text))
    assert sorted(e.fatalities.best for e in events if e.fatalities) == [4, 9]


def test_the_report_words_table_has_its_sixteen_kinds_in_lower_case():
    from strife.extract.report_words import report_words

    words = report_words()
    assert set(words) == {"heading", "aggregate_subject", "habitual", "new_incident", "told_before",
                          "toll", "remains", "discovery", "report_date", "new_incident_adverb", "about_another",
                          "engagement_subject", "statistic_verb", "trend_verb", "frequency", "witness_verb"}
    assert {"count", "record"} <= words["statistic_verb"] and {"rise", "fall"} <= words["trend_verb"]
    assert {"see", "witness"} <= words["witness_verb"]
    assert "fighting" in words["engagement_subject"] and words["engagement_subject"] <= words["aggregate_subject"]
    assert {"protest", "discuss", "retaliation"} <= words["about_another"]
    assert all(w == w.lower() and w.strip() == w for kind in words.values() for w in kind)
    assert {"another", "similar"} <= words["new_incident"] and "frequently" in words["habitual"]
    assert {"either", "both"} <= words["told_before"]
    assert {"frequent", "common"} <= words["frequency"]
    assert "body" in words["remains"] and {"find", "recover"} <= words["discovery"]
    assert "source dated" in words["report_date"]
    assert {"separately", "elsewhere"} <= words["new_incident_adverb"]


def test_a_headline_with_no_full_stop_is_not_the_leads_sentence(engine):
    text = ("Air raid on Mbelo market kills 12 traders\n\n"
            "An air raid on the market of the village of Mbelo killed 12 traders, including four women, "
            "and wounded 20 people on Monday, residents said.")
    events = happened_violence(code(engine, text))
    assert summed(events) == 12, [(e.evidence.text, e.fatalities) for e in events]


def test_the_attacks_a_running_total_sums_are_no_incident(engine):
    text = ("A gunman shot dead two guards at the gate of the Kotoba water works on Monday, police said.\n\n"
            "More than 60 people have been killed in attacks by armed groups in the region this year, "
            "according to a local monitoring group.")
    result = code(engine, text)
    events = happened_violence(result)
    assert summed(events) == 2 and len(events) == 1, [(e.evidence.text, e.fatalities) for e in events]


def test_the_filing_day_of_a_dateline_and_the_day_of_saying_date_no_event(engine):
    text = ("Rebel attacks on checkpoints kill 14\n\n"
            "TARNOVA, Mar 9 (Reuters) - Rebel fighters attacked checkpoints in two districts of Kunduz province "
            "overnight, killing 14 members of the security forces, officials said on Tuesday.\n\n"
            "In Dalvan district, eight policemen were killed, and in Sorkhab district six soldiers were killed, "
            "a council member said.")
    events = happened_violence(code(engine, text))
    assert len(events) == 1 and summed(events) == 14, [(e.evidence.text, e.date, e.fatalities) for e in events]
    assert events[0].date == dt.date(2021, 3, 8)  # "overnight", told on Tuesday 9 March


def test_a_headline_figure_never_counts_a_noun_past_the_blank_line(engine):
    text = ("Grenade attack on bar kills three\n\n"
            "BELLOMA, Ruvara (Reuters) - A grenade attack on a bar in the town of Kissanga killed three people "
            "on Monday, police said.")
    result = code(engine, text)
    assert all("\n" not in c.text for c in result.counts), [c.text for c in result.counts]


def test_a_relative_clause_happened_when_the_act_its_noun_names_did(engine):
    text = ("A military court on Monday sentenced two men to death for their role in the 2019 bombing of the "
            "Hotel Tarnova in Velko that killed 26 people.")
    result = code(engine, text)
    assert happened_violence(result, since=dt.date(2021, 3, 7)) == [], [
        (e.evidence.text, e.date) for e in happened_violence(result, since=dt.date(2021, 3, 7))]


@pytest.mark.parametrize("later, toll", [("A third victim later died in hospital", 3),
                                         ("Two more victims later died in hospital", 4)])
def test_the_dead_told_later_raise_the_incidents_toll(engine, later, toll):
    text = ("Gunmen kill two traders in Koboro\n\n"
            "Gunmen shot dead two traders at a market in the village of Koboro on Monday, police said.\n\n"
            f"{later}, a police spokesman said.")
    events = happened_violence(code(engine, text))
    assert len(events) == 1 and summed(events) == toll, [(e.evidence.text, e.fatalities) for e in events]
    assert events[0].date == dt.date(2021, 3, 8)  # the lead's Monday, not the headline's publication day


@pytest.mark.parametrize("later, toll", [("A third victim later died in hospital", 3),
                                         ("The third victim later died in hospital", 3),
                                         ("One more victim later died in hospital", 4),
                                         ("Another victim later died in hospital", 4)])
def test_an_ordinal_names_the_total_a_headline_may_already_give(engine, later, toll):
    """'A third victim later died' is the third of the dead: after a headline's 'kill three' the toll
    stays 3; 'one more', 'another' still add."""
    text = ("Gunmen kill three traders in Koboro\n\n"
            "Gunmen shot dead two traders at a market in the village of Koboro on Monday, police said.\n\n"
            f"{later}, a police spokesman said.")
    events = happened_violence(code(engine, text))
    assert len(events) == 1 and summed(events) == toll, [(e.evidence.text, e.fatalities) for e in events]


def test_years_since_an_act_date_it_that_long_ago_and_its_victims_named_later_too(engine):
    text = ("Villagers mark three years since market bombing\n\n"
            "Hundreds of villagers gathered in Korvassa on Sunday to mark three years since a car bomb killed "
            "40 people at the town's cattle market.\n\n"
            "They laid wreaths at a memorial near the site of the blast.\n\n"
            '"We are still waiting for justice," said Imre Dalko, whose brother was killed in the bombing.')
    result = code(engine, text)
    recent = happened_violence(result, since=dt.date(2021, 3, 1))
    assert recent == [], [(e.evidence.text, e.date) for e in recent]


@pytest.mark.parametrize("lead", [
    "Hundreds of mourners attended the funeral on Monday of 12 herders killed when gunmen attacked the village of Tobiru on Sunday.",
    "Relatives held the funeral on Monday of 12 herders who were killed when gunmen attacked the village of Tobiru on Sunday.",
])
def test_a_funeral_day_dates_the_funeral_and_the_killing_keeps_its_own_day(engine, lead):
    published = dt.date(2021, 3, 8)  # a Monday
    events = happened_violence(code(engine, "Villagers bury 12 herders\n\n" + lead, published))
    assert [(e.date, summed([e])) for e in events] == [(dt.date(2021, 3, 7), 12)], [
        (e.evidence.text, e.date) for e in events]


@pytest.mark.parametrize("tail", ["No one claimed responsibility for either attack.",
                                  "No group has claimed both bombings."])
def test_a_noun_naming_the_incidents_told_together_is_no_incident_of_its_own(engine, tail):
    text = ("A car bomb exploded near a police station in the town of Korvassa in Kunar province on Monday, "
            "killing five people, police said.\n\n"
            "Hours later, a roadside bomb hit a bus near the village of Tobiru in Paktika province, killing four "
            "passengers.\n\n" + tail)
    events = happened_violence(code(engine, text))
    assert len(events) == 2 and summed(events) == 9, [(e.evidence.text, e.fatalities) for e in events]
    # the noun's span is remembered on the incident it names, once, with its spans in text order
    spans = [(m.start, m.end) for m in events[-1].mentions]
    assert spans == sorted(set(spans)) and sum(m.text in tail for m in events[-1].mentions) == 1, spans


def test_the_act_named_again_and_what_followed_it_keep_the_old_day(engine):
    text = ("A military court on Monday sentenced two men to death for their role in the 2019 bombing of the "
            "Hotel Tarnova in Velko that killed 26 people.\n\n"
            "A third defendant was sentenced to life in prison.\n\n"
            "The car bombing, claimed by the Velko Brigades, was followed by a gun battle that lasted several hours.")
    result = code(engine, text)
    recent = happened_violence(result, since=dt.date(2021, 3, 7))
    assert recent == [], [(e.evidence.text, e.date) for e in recent]


@pytest.mark.parametrize("lead", [
    "Searchers recovered six more bodies on Monday in the bush around the village of Tamboro, bringing to 14 the "
    "number of people killed in Saturday's attack by gunmen, a local official said.",
    "Searchers recovered six more bodies on Monday in the bush around the village of Tamboro, raising the death "
    "toll from Saturday's attack by gunmen to 14, a local official said.",
    "Gunmen attacked the village of Tamboro on Saturday. Searchers recovered six more bodies on Monday in the bush "
    "around the village, and the toll rose to 14, a local official said.",
])
def test_bodies_found_on_later_days_are_the_victims_of_the_attack_told(engine, lead):
    """Remains found days after an attack the report tells are its victims: one incident on the attack's day."""
    text = ("Toll from village attack rises to 14 as more bodies found\n\n"
            f"{lead}\n\nEight bodies had been found on Sunday, said the district chief, Amadou Kelem.")
    events = happened_violence(code(engine, text), since=dt.date(2021, 3, 5))
    assert len(events) == 1 and summed(events) == 14, [(e.evidence.text, e.date, e.fatalities) for e in events]
    assert events[0].date == dt.date(2021, 3, 6)  # Saturday


def test_a_mention_that_points_back_joins_the_typed_incident_not_an_untyped_act_after_it(engine):
    """'The attackers burned shelters before fleeing' gives an act the event stage types no ACLED type;
    'Eight people were killed' after it points back to the attack, not to the flight."""
    text = ("Militia attack on camp kills eight\n\n"
            "Militiamen armed with machetes attacked a camp for displaced people near the village of Kotolo on "
            "Saturday night, killing eight people, a camp official said on Sunday.\n\n"
            "The attackers burned dozens of shelters before fleeing into the hills, said the coordinator, Mary Tenda.\n\n"
            "Eight people were killed, including three children, she said.")
    from strife.ingest import title_from_text

    result = engine.code(Article(text=text, title=title_from_text(text), published=PUBLISHED))
    events = [e for e in happened_violence(result) if e.acled_event_type]
    assert len(events) == 1 and summed(events) == 8, [(e.evidence.text, e.fatalities) for e in events]


def test_a_massacre_found_days_later_keeps_the_day_of_the_killing(engine):
    """Bodies found on Sunday of villagers killed 'last Wednesday': one incident of the Wednesday, and an act
    told again after the finding ('had been rounded up and shot') never gives it the finding's day."""
    from strife.ingest import title_from_text

    text = ("Bodies of 12 villagers found days after massacre\n\n"
            "Residents of the village of Kessogo have found the bodies of 12 villagers who were killed by armed men "
            "last Wednesday, local officials said on Tuesday.\n\n"
            "The bodies were discovered on Sunday in a ravine near the village, the officials said.\n\n"
            "They said the victims had been rounded up and shot.\n\n"
            "Roads to the area have been cut, and it took several days for news of the killings to emerge.")
    result = engine.code(Article(text=text, title=title_from_text(text), published=PUBLISHED))
    events = [e for e in happened_violence(result, since=dt.date(2021, 3, 1)) if e.acled_event_type]
    assert len(events) == 1 and summed(events) == 12, [(e.evidence.text, e.date, e.fatalities) for e in events]
    assert events[0].date == dt.date(2021, 3, 3)  # last Wednesday


@pytest.mark.parametrize("last", [
    "Later on Tuesday, the district council said the death toll from the raid had risen to seven after three of "
    "the wounded died in hospital.",
    "On Tuesday the district council said the toll of the attack had risen to seven.",
])
def test_a_toll_updated_only_in_the_last_paragraph_is_the_incidents(engine, last):
    """'the death toll from the raid had risen to seven', said a day later: the incident told before, by its
    definite noun, and its toll now (tolls only rise), not a new event of the day it was said."""
    from strife.ingest import title_from_text

    text = ("Gunmen kill four in village raid\n\n"
            "Gunmen killed four people in an overnight raid on the village of Orokam-Tse, police said on Tuesday.\n\n"
            "The attackers arrived on motorcycles at about midnight on Monday and opened fire on residents, police "
            "spokeswoman Mary Adoga said.\n\n"
            "Farmers and herders have clashed for years over land in the region.\n\n" + last)
    result = engine.code(Article(text=text, title=title_from_text(text), published=PUBLISHED))
    events = [e for e in happened_violence(result, since=dt.date(2021, 3, 7)) if e.acled_event_type]
    assert summed(events) == 7 and len(events) <= 2, [(e.evidence.text, e.date, e.fatalities) for e in events]
