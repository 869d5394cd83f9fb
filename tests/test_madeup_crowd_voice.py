"""Made-up notes: a crowd's voice made in public is a protest, the same voice in a statement is not (issue #21).

Every village, person and group is invented. ACLED codes a demonstration whatever verb carries it
and codes no statements: a crowd (plural people) that condemns, denounces, calls for, petitions,
rejects or opposes something is a peaceful protest when it was gathered in public (the voice is a
gathering's purpose or second act, the crowd stood outside or in front of a place or in a square
or street, or it is told by its number). Without such a cue the same words are a statement.
"""

from __future__ import annotations

import itertools

import pytest

P = "Protests"
D20 = "2020-05-03"

CROWDS = ["residents of Tovari", "hundreds of villagers", "students", "supporters of the Ponda Front",
          "members of the Kelvar Growers Union"]
VOICES = ["condemned the killing of a trader", "denounced the power cuts", "called for the reopening of schools",
          "rejected the new land law", "petitioned the governor over water shortages"]
GATHERINGS = [
    "On 3 May 2020, {crowd} gathered outside the Tovari district office and {voice}.",
    "On 3 May 2020, {crowd} gathered in Tovari town and {voice}.",
    "On 3 May 2020, {crowd} {voice} outside the Tovari district office.",
    "On 3 May 2020, {crowd} {voice} in front of the district office in Tovari.",
    "On 3 May 2020, {crowd} {voice} in the main square of Tovari.",
]
PUBLIC_CELLS = [template.format(crowd=crowd, voice=voice)
                for template, crowd, voice in itertools.product(GATHERINGS, CROWDS, VOICES)]

COUNTED_CELLS = [
    "On 3 May 2020, about 300 students denounced fee increases in Tovari.",
    "On 3 May 2020, about 300 students in Tovari called for the reopening of schools.",
    "On 3 May 2020, hundreds of farmers rejected the new land law in Tovari.",
]

PURPOSE_CELLS = [
    "On 3 May 2020, residents gathered in front of the Tovari district office to denounce power cuts.",
    "On 3 May 2020, farmers gathered at the square in Tovari to reject the new land law.",
    "On 3 May 2020, supporters of the Ponda Front gathered in Tovari to oppose the arrest of their leader.",
    "On 3 May 2020, residents of Tovari petitioned the governor over water shortages, gathering outside his office.",
]


@pytest.mark.parametrize("text", PUBLIC_CELLS + COUNTED_CELLS + PURPOSE_CELLS)
def test_a_crowd_voicing_in_public_is_a_protest(row_event, text):
    event = row_event(text, D20)
    assert event is not None, text
    assert (event.acled_event_type, event.acled_sub_event_type) == (P, "Peaceful protest"), text


STATEMENTS = [
    "On 3 May 2020, residents of Tovari denounced the power cuts in a statement.",
    "On 3 May 2020, the Kelvar Growers Union condemned the killing of a trader at a press conference in Tovari.",
    "On 3 May 2020, students wrote a letter calling for the reopening of schools in Tovari.",
    "On 3 May 2020, farmers' leaders in Tovari rejected the new land law.",
    "On 3 May 2020, residents of Tovari denounced the power cuts.",
    "On 3 May 2020, villagers accused the police of protecting the killers outside the Tovari court.",
    "On 3 May 2020, students called for the reopening of schools in a video posted online.",
]


@pytest.mark.parametrize("text", STATEMENTS)
def test_a_crowd_voicing_in_a_statement_is_no_protest(row_event, text):
    event = row_event(text, D20)
    assert event is None or event.acled_event_type != P, text


GRIEVANCE_CELLS = [
    # what a crowd gathers to condemn or denounce is its grievance: the gathering is the row
    "On 3 May 2020, residents gathered in Tovari to condemn the killing of a trader by unknown gunmen.",
    "On 3 May 2020, residents gathered in Tovari to denounce the abduction of a teacher by gunmen.",
    "On 3 May 2020, hundreds of villagers gathered in Tovari town and condemned the killing of a trader.",
    "On 3 May 2020, hundreds of residents condemned the killing of a trader in front of the governor's office in Tovari.",
]


@pytest.mark.parametrize("text", GRIEVANCE_CELLS)
def test_the_act_a_crowd_gathers_against_yields_the_row(row_event, text):
    event = row_event(text, D20)
    assert event is not None and event.acled_event_type == P, text


def test_an_attack_with_a_purpose_stays_the_attack(row_event):
    event = row_event("On 3 May 2020, gunmen stormed Tovari village to abduct a teacher.", D20)
    assert event is not None and event.acled_event_type == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, about 200 people gathered in Tovari for a wedding.",
    "On 3 May 2020, hundreds of people gathered in Tovari for the funeral of a trader.",
    "On 3 May 2020, about 200 people gathered in Tovari for prayers.",
    "On 3 May 2020, about 200 people gathered in Tovari for a food distribution.",
])
def test_a_crowd_gathered_for_an_occasion_is_no_protest(row_event, text):
    event = row_event(text, D20)
    assert event is None or event.acled_event_type != P, text


@pytest.mark.parametrize("text", [
    "On 3 May 2020, hundreds of people gathered in Tovari for the funeral of a trader and demanded justice.",
    "On 3 May 2020, hundreds of people gathered in Tovari for the funeral of a trader, chanting slogans against the police.",
    "On 3 May 2020, about 200 people gathered in Tovari for a protest against the land law.",
])
def test_a_demand_voiced_at_an_occasion_is_a_protest(row_event, text):
    event = row_event(text, D20)
    assert event is not None and event.acled_event_type == P, text


@pytest.mark.parametrize("text", [
    "On 3 May 2020, farmers in Tovari staged a protest that could turn violent, officials said.",
    "On 3 May 2020, farmers in Tovari staged a protest, which did not turn violent.",
])
def test_a_protest_that_only_might_turn_violent_stays_peaceful(row_event, text):
    event = row_event(text, D20)
    assert event is not None and (event.acled_event_type, event.acled_sub_event_type) == (P, "Peaceful protest"), text


def test_a_protest_that_turned_violent_is_a_riot(row_event):
    event = row_event("On 3 May 2020, a protest by farmers in Tovari turned violent.", D20)
    assert event is not None and event.acled_event_type == "Riots"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, teachers expressed anger over unpaid salaries outside the education office in Tovari.",
    "On 3 May 2020, dozens of teachers voiced concern over unpaid salaries in front of the education office in Tovari.",
    "On 3 May 2020, teachers gathered outside the education office in Tovari to express anger over unpaid salaries.",
])
def test_anger_a_crowd_voices_in_public_is_a_protest(row_event, text):
    event = row_event(text, D20)
    assert event is not None and event.acled_event_type == P, text


@pytest.mark.parametrize("text", [
    "On 3 May 2020, the Tovari teachers union expressed concern over unpaid salaries in a statement.",
    "On 3 May 2020, residents of Tovari expressed anger over power cuts.",
])
def test_anger_expressed_in_a_statement_is_no_protest(row_event, text):
    event = row_event(text, D20)
    assert event is None or event.acled_event_type != P, text


def test_a_crowd_that_gathers_and_refuses_is_a_protest(row_event):
    text = "On 3 May 2020, residents of Tovari gathered at the cemetery and refused to allow the burial of a coronavirus victim."
    event = row_event(text, D20)
    assert event is not None and event.acled_event_type == P


@pytest.mark.parametrize("text", [
    "On 3 May 2020, residents of Tovari refused to allow the burial of a coronavirus victim.",
    "On 3 May 2020, soldiers refused to leave the barracks in Tovari and gathered at the gate.",
    "On 3 May 2020, soldiers gathered at the gate of the Tovari barracks and refused to leave.",
])
def test_a_refusal_without_a_crowd_gathered_is_no_protest(row_event, text):
    event = row_event(text, D20)
    assert event is None or event.acled_event_type != P, text


OLD15 = "2015-04-08"


@pytest.mark.parametrize("text", [
    "Employees of Tovari sugar mill went on a mass casual leave demanding salaries.",
    "Jute mill workers in Tovari waged a movement demanding their dues.",
    "Nurses of the Tovari hospital sat in outside the hospital demanding their salaries.",
])
def test_a_crowds_act_done_demanding_is_its_protest(row_event, text):
    event = row_event(text, OLD15)
    assert event is not None and event.acled_event_type == P, text


@pytest.mark.parametrize("text", [
    "Residents wrote to the governor demanding water in Tovari.",
    "Relatives of the victim met the governor in Tovari demanding justice.",
    "The Tovari traders association issued a statement demanding the arrest of the killers.",
    "Soldiers fired in the air demanding their pay in Tovari.",
])
def test_a_letter_meeting_or_statement_with_a_demand_is_no_protest(row_event, text):
    event = row_event(text, OLD15)
    assert event is None or event.acled_event_type != P, text


@pytest.mark.parametrize("text", [
    "On 3 May 2020, residents of Tovari commemorated the anniversary of the killing of a trader, demanding justice.",
    "On 3 May 2020, about 50 people laid flowers at the Tovari memorial to condemn the killing of a journalist.",
])
def test_a_commemoration_with_a_demand_is_a_protest(row_event, text):
    """ACLED codes a commemoration as a protest when it carries a demand or grievance; the act it
    remembers ('the anniversary of the killing') is a past act, not the day's news."""
    event = row_event(text, D20)
    assert event is not None and event.acled_event_type == P, text


def test_an_act_remembered_is_old(code):
    events = code("On 3 May 2020, residents of Tovari commemorated the anniversary of the massacre in Tovari.")
    plain = code("On 3 May 2020, gunmen carried out a massacre in Tovari.")
    remembered = [e for e in events if e.acled_event_type == "Violence against civilians"]
    told = [e for e in plain if e.acled_event_type == "Violence against civilians"]
    assert remembered and told and remembered[0].confidence < told[0].confidence


def test_a_commemoration_without_a_demand_is_no_protest(row_event):
    event = row_event("On 3 May 2020, about 50 people laid flowers at the Tovari memorial.", D20)
    assert event is None or event.acled_event_type != P
