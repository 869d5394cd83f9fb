"""ACLED typing of short, terse conflict notes (made-up text): who burns property or throws
home-made bombs, clashes at protests, killings in a gunfight, nominal events."""

from __future__ import annotations

import pytest

# The whole pipeline on a note of 9 May 2020, and the event of a trigger: shared with test_events.
from tests.test_events import by_trigger, coded

# ------------------------------------------------------------------------ property and home-made bombs


@pytest.mark.parametrize("text, trigger", [
    ("Two buses were set on fire in front of the market.", "set"),
    ("Unknown assailants torched a lorry near the bridge on Sunday night.", "torched"),
    ("A van was set ablaze by picketers on the highway.", "set"),
])
def test_property_burnt_by_no_one_named_is_mob_violence(engine, text, trigger):
    event = by_trigger(coded(engine, text), trigger)
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Riots", "Mob violence")


def test_an_armed_group_burning_property_stays_property_destruction(engine):
    event = by_trigger(coded(engine, "Militants torched the village school on Monday."), "torched")
    assert event.acled_event_type == "Strategic developments"


@pytest.mark.parametrize("text, trigger", [
    ("Party supporters hurled two crude bombs at the union office.", "hurled"),
    ("Assailants threw a petrol bomb at a parked car.", "threw"),
    ("Crude bombs were blasted in front of the shopping centre.", "blasted"),
])
def test_home_made_bombs_thrown_by_civilians_or_unnamed_attackers_are_rioting(engine, text, trigger):
    event = by_trigger(coded(engine, text), trigger)
    assert event.acled_event_type == "Riots"


def test_a_grenade_thrown_by_militants_stays_an_explosion(engine):
    event = by_trigger(coded(engine, "Suspected militants hurled a grenade at a police post."), "hurled")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", "Grenade")


def test_a_party_militia_throwing_a_crude_bomb_is_an_armed_group(engine):
    event = by_trigger(coded(engine, "Members of the party militia hurled a crude bomb at a bus."), "hurled")
    assert event.acled_event_type != "Riots"


# ------------------------------------------------------------------------------ killed in a fight


@pytest.mark.parametrize("text", [
    "A soldier was killed by insurgents in a gunfight near the border.",
    "Troops killed one and captured four in ongoing battles with bandits.",
])
def test_a_killing_told_within_a_fight_is_the_battle(engine, text):
    event = by_trigger(coded(engine, text), "killed")
    assert (event.event_type, event.acled_event_type) == ("FIGHT", "Battles")


def test_a_fight_in_a_relative_clause_is_not_the_killing(engine):
    found = coded(engine, "Gunmen killed a shopkeeper who had fought in the war.")
    assert by_trigger(found, "killed").acled_event_type == "Violence against civilians"


# ---------------------------------------------------------------------- clashes at a protest


@pytest.mark.parametrize("text", [
    "Student union members clashed with police during a protest march against the new fees.",
    "Clashes broke out between opposition supporters and police during the general strike. Ten agitators were injured.",
])
def test_a_clash_with_police_at_a_protest_is_a_riot(engine, text):
    found = coded(engine, text)
    clash = next(e for e in found if e.trigger.text.lower().startswith("clash"))
    assert (clash.acled_event_type, clash.acled_sub_event_type) == ("Riots", "Violent demonstration")


def test_police_clashing_with_rebels_during_a_strike_stays_a_battle(engine):
    clash = by_trigger(coded(engine, "Police clashed with rebels during the strike."), "clashed")
    assert clash.acled_event_type == "Battles"


# ---------------------------------------------------------------------- protesters and grievances


def test_police_firing_at_protesters_is_excessive_force_against_protesters(engine):
    event = by_trigger(coded(engine, "Police opened fire at the protesters near the square."), "opened")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Protests", "Excessive force against protesters")


def test_what_a_march_is_in_protest_of_is_its_grievance(engine):
    grievance = by_trigger(coded(engine, "Traders marched to the town hall in protest of the kidnappings of shop owners."), "kidnappings")
    news = by_trigger(coded(engine, "Traders marched to the town hall. The kidnappings of shop owners continued."), "kidnappings")
    assert grievance.confidence < news.confidence  # background: the sentence's news is the march


# ---------------------------------------------------------------------- remote violence


def test_an_attack_that_tends_to_happen_is_not_an_event_of_the_day(engine):
    found = coded(engine, "A rocket landed near the clinic on Sunday. The clinic is regularly attacked by gunmen.")
    habitual = by_trigger(found, "attacked")
    assert habitual.hypothetical
    dated = by_trigger(coded(engine, "Gunmen repeatedly attacked the clinic on Sunday."), "attacked")
    assert not dated.hypothetical


def test_an_offensive_by_the_air_force_is_an_air_strike(engine):
    event = by_trigger(coded(engine, "The air force launched three offensives against rebel positions."), "offensives")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


def test_a_strike_by_air_forces_is_an_air_strike(engine):
    """The plural names the air arm as well: 'government air forces strike a market'."""
    event = by_trigger(coded(engine, "Government air forces strike a market near the river, killing two women."), "strike")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


def test_a_means_participle_naming_no_explosive_leaves_a_destruction_alone(engine):
    """'the house of a man using a rifle': a rifle is no explosive, so the destruction stays one."""
    event = by_trigger(coded(engine, "Rebels destroyed the house of a man using a rifle to guard his farm."), "destroyed")
    assert event.acled_event_type != "Explosions/Remote violence"


@pytest.mark.parametrize("text, trigger", [
    ("Separatist fighters blew up two power pylons at night.", "blew"),
    ("Insurgents destroyed a telephone mast using explosives.", "destroyed"),
    # the parse hangs 'using' on the last object; the means verb still tells the act's manner
    ("Insurgents destroyed a telephone mast and a water pump using explosives.", "destroyed"),
])
def test_property_destroyed_by_explosives_is_an_explosion_for_acled(engine, text, trigger):
    event = by_trigger(coded(engine, text), trigger)
    assert event.event_type == "COERCE"  # PLOVER: a destruction
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_burning_told_beside_deaths_with_no_doer_is_not_mob_violence(engine):
    found = coded(engine, "Two villagers were killed and several houses were set on fire.")
    assert found and all(event.acled_event_type != "Riots" for event in found)
    # One incident: the killing is its row, an attack on civilians by someone unnamed.
    (row,) = [event for event in found if event.acled_event_type]
    assert (row.trigger.text, row.acled_event_type) == ("killed", "Violence against civilians")


def test_a_pronoun_subject_is_a_doer_so_burning_stays_its_act(engine):
    found = coded(engine, "Suspected militants attacked the village. They set fire to the houses.")
    assert by_trigger(found, "set").acled_event_type != "Riots"


# ---------------------------------------------------------------------- nominal events of short notes


def test_fighters_handing_themselves_in_is_a_surrender(engine):
    event = by_trigger(coded(engine, "Twelve rebels handed themselves into police."), "handed")
    assert (event.event_type, event.mode, event.acled_event_type) == ("RETREAT", "surrender", "Strategic developments")
    assert not coded(engine, "The minister handed the report to parliament.")


@pytest.mark.parametrize("text, trigger", [
    ("The strike affected ten districts.", "strike"),
    ("A bandh paralysed the town on Monday.", "bandh"),
])
def test_a_strike_told_by_its_effect_happened(engine, text, trigger):
    event = by_trigger(coded(engine, text), trigger)
    assert event.acled_event_type == "Protests" and not (event.hypothetical or event.negated)


# ------------------------------------------------------------------------ non-violent acts of armed groups


@pytest.mark.parametrize("text, trigger", [
    ("Members of a local gang delivered boxes with food to families during the lockdown.", "delivered"),
    ("Rebels distributed food to villagers in the district on Monday.", "distributed"),
])
def test_aid_handed_out_by_an_armed_group_is_a_change_to_its_activity(engine, text, trigger):
    """ACLED records a gang's or a rebel group's non-violent activity as a strategic development."""
    event = by_trigger(coded(engine, text), trigger)
    assert event.event_type == "AID"
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Strategic developments", "Change to group/activity")


@pytest.mark.parametrize("text, trigger", [
    ("The government delivered food aid to flood victims on Monday.", "delivered"),
    ("A charity handed out food parcels to residents of the town.", "handed"),
])
def test_aid_from_a_government_or_a_charity_is_no_acled_event(engine, text, trigger):
    event = by_trigger(coded(engine, text), trigger)
    assert event.event_type == "AID" and event.acled_event_type is None


def test_conflict_actor_acts_load_as_known_acled_pairs():
    from strife.extract.events.tables import conflict_actor_act, conflict_actor_acts
    from strife.ontology import load_ontology

    onto = load_ontology()
    assert conflict_actor_act("AID") == ("Strategic developments", "Change to group/activity")
    assert conflict_actor_act("FIGHT") is None
    assert all(plover in onto.types and onto.is_acled(*pair) for plover, pair in conflict_actor_acts().items())
