"""Made-up notes for rules of event typing, third round (issue #21).

* A flight that is a note's news: when the line's main clause is a verb of forcing whose subject is
  the violence and whose 'to'-infinitive tells people fleeing ('heavy fighting between A and B has
  forced 500 villagers to flee'), or the flight itself with the violence in an 'after'/'following'
  phrase ('thousands fled their homes after clashes'), and the note tells no other act of disorder, ACLED codes the
  displacement as a strategic development (Other); the fighting is told only as its cause. When
  the note tells the act of disorder in a clause of its own, the act stays the row
  (building._flight_is_news, roles.yaml forcing_verbs).

* A cause told in an 'after'/'following'/'over' phrase or clause is background to the act the line
  is about ('Violent protest in X after police shot a driver': the riot is the row, the shooting its
  cause): such a background event scores just below its sentence's act of disorder
  (background_rows.yield_to_the_news).

Villages, people and groups are invented.
"""

from __future__ import annotations

import pytest

OLD16, NEW20 = "2016-06-15", "2020-05-03"
OTHER = ("Strategic developments", "Other")

FLIGHTS = [
    ("On 3 May 2020, near Tolomi village, Dalvar township, heavy fighting between the military and the Suren "
     "Liberation Army has forced about 400 villagers to flee to Marvo town.", NEW20),
    ("On 3 May 2020, clashes between two rival clans in Bantor village (Melru district) forced more than 200 "
     "families to flee to the district centre.", NEW20),
    ("Fighting between army and Kivo rebels forced 3,000 people to flee Oruba area.", OLD16),
    ("Thousands of residents fled their homes in Dallen district after clashes between two militias.", OLD16),
    ("On 3 May 2020, about 600 families fled Kabalo village (Ruvena district) following clashes between two "
     "rival clans.", NEW20),
]


@pytest.mark.parametrize("text,day", FLIGHTS)
def test_a_flight_forced_by_fighting_is_the_news(row_event, text, day):
    event = row_event(text, day)
    assert event is not None and (event.acled_event_type, event.acled_sub_event_type) == OTHER, (
        event and event.acled_event_type)


ACTS = [
    ("On 3 May 2020, Kivo rebels attacked an army post in Oruba village, killing two soldiers. The fighting "
     "forced 300 residents to flee.", NEW20),
    ("Kivo rebels attacked an army post in Oruba village and forced 300 residents to flee.", OLD16),
]


@pytest.mark.parametrize("text,day", ACTS)
def test_an_act_told_beside_the_flight_stays_the_row(row_event, text, day):
    event = row_event(text, day)
    assert event is not None and event.acled_event_type == "Battles", event and event.acled_event_type


CAUSES = [
    ("Violent protest in Kelvo after police shot a driver.", OLD16, "Riots"),
    ("On 3 May 2020, a violent protest erupted in Kelvo town after police shot dead a motorcyclist at a "
     "checkpoint. [size=no report]", NEW20, "Riots"),
    ("Riots in Pemba town following the killing of a trader by soldiers.", OLD16, "Riots"),
    ("Youths clashed with police in Dunmo after a soldier shot a boy.", OLD16, "Riots"),
    ("On 3 May 2020, traders protested in Kelvo market over the arrest of their leader by police. "
     "[size=around 50]", NEW20, "Protests"),
]


@pytest.mark.parametrize("text,day,kind", CAUSES)
def test_the_cause_in_an_after_clause_does_not_take_the_row(row_event, text, day, kind):
    event = row_event(text, day)
    assert event is not None and event.acled_event_type == kind, event and event.acled_event_type


def test_the_act_of_a_line_without_news_keeps_the_row(row_event):
    event = row_event("On 3 May 2020, gunmen abducted two farmers in Dunmo after the harvest.", NEW20)
    assert event is not None and event.acled_event_type == "Violence against civilians"
