"""Made-up notes that yielded no event at all (issue #21, detection).

Every village, person and group is invented. A record with no event is wrong for every field, so
each family of note a coder codes but strife missed gets its cells here: the row
(`strife.rows.record_row_event`, as a user's export holds it) must carry the coder's event type,
and the look-alikes that tell no event must stay without one.
"""

from __future__ import annotations

import pytest

P = "Protests"
D20, OLD15 = "2020-05-03", "2015-04-08"

HEEDED_CALLS = [
    # a strike or shutdown call that was answered: the strike happened (South Asian English)
    (OLD15, "Shops remained closed in Dovreth in response to a strike call by the traders' association."),
    (D20, "On 3 May 2020, shops and markets remained closed in Dovreth town in response to a shutdown call "
          "given by the Pelwan Youth Front. [size=no report]"),
    (OLD15, "Heeding the shutdown call of the Pelwan Youth Front, traders kept their shops closed in Dovreth."),
    # what the call is against is its grievance, not the news
    (OLD15, "Shops remained closed in Pelwan in response to a bandh call against the killing of a trader."),
    (OLD15, "Shops remained closed in Pelwan in response to a strike call against the killing of a trader."),
]


@pytest.mark.parametrize("published, text", HEEDED_CALLS)
def test_a_heeded_strike_call_is_the_strike(row_event, published, text):
    event = row_event(text, published)
    assert event is not None, text
    assert event.acled_event_type == P


@pytest.mark.parametrize("text", [
    "The traders' association gave a strike call for 10 April in Dovreth.",
    "The Pelwan Youth Front issued a bandh call for Friday.",
    "The Pelwan Youth Front gave a shutdown call in Dovreth.",
])
def test_a_call_only_given_names_no_strike(row_event, text):
    """A call given, for a day to come or none, tells no strike that happened."""
    event = row_event(text, OLD15)
    assert event is None or event.acled_event_type != P


HEADLINE_PRESENT = [
    # headlinese present tells a past event; the subject may carry a place phrase ('X in Y demand'),
    # and the verb agrees with the subject, not with the place's last word
    "Protesters in Tarsel demand water.",
    "Residents of Pelwan village block road over power cuts.",
    # a verb that is also a preposition, made the root of a verbless line ('down shutters')
    "Traders down shutters against tax in Pelwan.",
    "Traders down shutters in Pelwan.",
]


@pytest.mark.parametrize("text", HEADLINE_PRESENT)
def test_a_headline_present_protest_is_found(row_event, text):
    event = row_event(text, OLD15)
    assert event is not None, text
    assert event.acled_event_type == P


def test_a_headline_present_attack_after_a_place_phrase_is_found(row_event):
    event = row_event("Troops in Tarsel attack rebel camp.", OLD15)
    assert event is not None and event.acled_event_type == "Battles"


@pytest.mark.parametrize("text", [
    "Prices go down in Pelwan.",
    "Water levels in Tarsel down after rains.",
    "Officials in Tarsel discuss security.",
    "Leaders of Pelwan party meet governor.",
])
def test_a_headline_with_no_act_stays_without_event(row_event, text):
    assert row_event(text, OLD15) is None


OTHER_FAMILIES = [
    # arrests told as 'picked up' or 'nabbed' (South Asian English)
    (D20, "On 6 May 2020, three suspected militants were picked up by security forces in Tarsel village.",
     "Strategic developments", "Arrests"),
    (D20, "On 6 May 2020, police picked up two activists of the Pelwan People's Front in Tarsel.",
     "Strategic developments", "Arrests"),
    (D20, "On 6 May 2020, police nabbed two suspects in Tarsel town.", "Strategic developments", "Arrests"),
    # firing by an armed side across a border or front: an armed clash, the civilians hurt its outcome
    (OLD15, "Cross-border firing by Pelwani troops in Tarsel sector, two civilians injured.", "Battles", "Armed clash"),
    (OLD15, "Unprovoked firing by Pelwani forces on border posts in Tarsel sector.", "Battles", "Armed clash"),
    # a flight that follows an outbreak of fighting is the news (ACLED: strategic development, other),
    # told by an intransitive 'evacuated' and by the nominal 'the eruption/outbreak of hostilities'
    (D20, "On 3 May 2020, 840 families from Dovreth village evacuated following the eruption of hostilities "
          "between two warring clans.", "Strategic developments", "Other"),
    (D20, "On 3 May 2020, 840 families from Dovreth village evacuated following clashes between two warring clans.",
     "Strategic developments", "Other"),
    (D20, "On 3 May 2020, the outbreak of fighting between two clans in Dovreth village left 3 dead.",
     "Battles", "Armed clash"),
]


@pytest.mark.parametrize("published, text, event_type, sub_event_type", OTHER_FAMILIES)
def test_other_families_are_found(row_event, published, text, event_type, sub_event_type):
    event = row_event(text, published)
    assert event is not None, text
    assert (event.acled_event_type, event.acled_sub_event_type) == (event_type, sub_event_type)


@pytest.mark.parametrize("text", [
    "Rescue workers picked up the bodies in Tarsel.",
    "The bus picked up passengers in Tarsel.",
    "On 3 May 2020, residents of Dovreth village evacuated ahead of the floods.",
    "On 3 May 2020, elders in Dovreth warned of a possible outbreak of fighting between two clans.",
    "The talks aim to prevent an escalation of hostilities in Dovreth.",
])
def test_look_alikes_stay_without_event(row_event, text):
    assert row_event(text, D20) is None


SYMBOLIC_PROTESTS = [
    # an effigy burnt is a peaceful protest's symbolic act (ACLED); pots and pans banged by a crowd;
    # black ribbons worn like armbands
    "On 3 May 2020, supporters of the Pelwan Youth Front burnt an effigy of the chief minister in Dovreth town. [size=no report]",
    "Leaders of the Pelwan party held a protest and burnt an effigy of the minister after a girl was killed in Dovreth.",
    "On 3 May 2020, residents of Dovreth banged pots and pans from their balconies against the government. [size=no report]",
    "On 3 May 2020, nurses in Dovreth wore black ribbons to denounce the lack of protective equipment. [size=no report]",
]


@pytest.mark.parametrize("text", SYMBOLIC_PROTESTS)
def test_a_symbolic_protest_is_a_peaceful_protest(row_event, text):
    event = row_event(text, D20)
    assert event is not None, text
    assert (event.acled_event_type, event.acled_sub_event_type) == (P, "Peaceful protest")


def test_burning_tyres_stays_a_violent_demonstration(row_event):
    event = row_event("Protesters burnt tyres on the Dovreth highway.", OLD15)
    assert event is not None and event.acled_sub_event_type == "Violent demonstration"


def test_pots_banged_at_home_are_no_protest(row_event):
    assert row_event("She banged the pots in the kitchen.", D20) is None


@pytest.mark.parametrize("text", [
    "On 3 May 2020, traders of Dovreth town observed a strike demanding the recovery of a trader. "
    "The trader was kidnapped on 28 April by unidentified men. [size=no report]",
    "On 3 May 2020, traders of Dovreth town observed a strike. A trader was kidnapped in the town on 28 April.",
])
def test_the_act_of_the_notes_opening_day_is_the_row(row_event, text):
    """An ACLED note opens with the day of the act it records: an act told on an earlier day is its context."""
    event = row_event(text, D20)
    assert event is not None and event.acled_event_type == P


def test_an_act_of_the_opening_day_keeps_the_row(row_event):
    event = row_event("On 3 May 2020, gunmen shot dead a trader in Dovreth. Traders had observed a strike "
                      "in the town on 28 April.", D20)
    assert event is not None and event.acled_event_type == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, Indigenous communities set up a roadblock in Dovreth to prevent outsiders from entering. [size=no report]",
    "On 3 May 2020, villagers put up barricades on the Dovreth road demanding water. [size=no report]",
])
def test_a_roadblock_a_crowd_sets_up_is_a_protest(row_event, text):
    event = row_event(text, D20)
    assert event is not None and event.acled_event_type == P


def test_a_police_roadblock_is_no_protest(row_event):
    event = row_event("On 3 May 2020, police set up a roadblock in Dovreth to enforce the curfew.", D20)
    assert event is None or event.acled_event_type != P
