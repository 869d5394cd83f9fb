"""ACLED's line between a riot and the state's force on a protest, and between a suicide bomber
and an aircraft (made-up text): only the crowd's violence makes a riot; police or soldiers firing
on a protest is force against it; rioters dispersed are the riot; a suicide bomber is no aircraft."""

from __future__ import annotations

import pytest

# The whole pipeline on a note of 9 May 2020, and the event of a trigger: shared with test_events.
from tests.test_events import by_trigger, coded


@pytest.mark.parametrize("text", [
    "Police fired on protesters demanding unpaid wages in the town.",
    "Soldiers fired on students during a protest march in the town.",
    "Security forces fired on protesters in the town, killing two.",
])
def test_police_firing_on_a_protest_is_force_against_it(engine, text):
    """Only the state's police or soldiers use force, and it is no clash: ACLED's excessive force
    against protesters, not the demonstrators rioting."""
    event = by_trigger(coded(engine, text), "fired")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Protests", "Excessive force against protesters")


def test_students_clashing_with_police_at_a_protest_stay_rioters(engine):
    """A clash has two sides: the demonstrators' part in it is a riot (ACLED Riots)."""
    event = by_trigger(coded(engine, "Students clashed with police during a protest march in the town."), "clashed")
    assert event.acled_event_type == "Riots"


def test_rioters_dispersed_by_police_are_the_riot(engine):
    """'Police dispersed rioters': the riot is the event, the rioters its actor1, the police actor2."""
    event = by_trigger(coded(engine, "Police dispersed rioters in the town on Monday."), "dispersed")
    assert event.acled_event_type == "Riots"
    assert event.source and event.target
    assert "rioter" in event.source[0].name.lower()


def test_protesters_dispersed_stay_a_protest_with_intervention(engine):
    event = by_trigger(coded(engine, "Police dispersed protesters in the town on Monday."), "dispersed")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Protests", "Protest with intervention")


def test_a_protest_that_turned_violent_is_a_riot(engine):
    event = by_trigger(coded(engine, "A protest over fuel prices turned violent in the town on Monday."), "protest")
    assert event.acled_event_type == "Riots"


@pytest.mark.parametrize("text, trigger", [
    ("A suicide bomber targeted a military convoy in the town.", "targeted"),
    ("A suicide bomber struck a market in the town, killing five civilians.", "struck"),
])
def test_a_suicide_bomber_is_no_aircraft(engine, text, trigger):
    event = by_trigger(coded(engine, text), trigger)
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", "Suicide bomb")


def test_a_drone_still_strikes_from_the_air(engine):
    event = by_trigger(coded(engine, "A drone targeted a military convoy in the town."), "targeted")
    assert event.acled_sub_event_type == "Air/drone strike"


def test_a_killing_the_protest_is_about_is_no_force_on_it(engine):
    """'to demand justice for a man who was shot by the police': the grievance is not force used
    on the protest."""
    found = coded(engine, "About 30 demonstrators blocked the highway to demand justice for a man who was shot "
                          "by the police last week.")
    shot = by_trigger(found, "shot")
    assert shot.acled_sub_event_type != "Excessive force against protesters"


def test_forces_of_a_named_side_are_not_the_police(engine):
    """'pro-government forces' may be a militia: their fire on a protest is not taken for the
    police's force on it by the head noun 'forces' alone."""
    event = by_trigger(coded(engine, "Pro-government forces fired on protesters in the town."), "fired")
    assert event.acled_sub_event_type != "Excessive force against protesters"


def test_soldiers_retaking_a_stormed_building_are_no_force_on_a_protest(engine):
    """Taking back a place the crowd stormed is not force on people: the state modifier that makes
    'military forces' the police's kin does not turn the retaking into force against protesters."""
    found = coded(engine, "Supporters demanding the governor's departure stormed his office. "
                          "Military forces regained control of the compound and arrested 20 people.")
    assert all(e.acled_sub_event_type != "Excessive force against protesters" for e in found)


@pytest.mark.parametrize("text, sub_event", [
    ("Police fired rubber bullets at protesters in the town.", "Protest with intervention"),
    ("Police fired live rounds at protesters in the town.", "Excessive force against protesters"),
    ("Police fired rubber bullets at protesters in the town, killing one.", "Excessive force against protesters"),
])
def test_riot_control_means_are_an_intervention(engine, text, sub_event):
    """ACLED keeps excessive force for lethal force or serious harm: rubber bullets that hurt no
    one are an attempt to disperse the protest."""
    event = by_trigger(coded(engine, text), "fired")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Protests", sub_event)
