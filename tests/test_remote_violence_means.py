"""Issue #21: remote violence told without a classic attack verb, verbs of taking ground and of
killing armed men the lexicon lacked, and acts that were only tried. Every sentence is made up."""

from __future__ import annotations

import pytest

from strife.extract.events import find_events
from strife.rows import record_row_event
from tests.test_events import coded


def happened(nlp, text: str):
    """The events that happened and carry an ACLED type, as a user's export keeps them."""
    return [e for e in find_events(nlp(text)) if e.acled_event_type and not (e.negated or e.hypothetical)]


def record_event(nlp, text: str):
    found = happened(nlp, text)
    assert found, [(e.event_type, e.trigger.text if e.trigger else None) for e in find_events(nlp(text))]
    return max(found, key=lambda e: e.confidence)


def test_a_killing_that_hangs_on_the_weapon_is_a_shelling(nlp):
    """'shells fired by X killed Y', 'the rockets that killed five': the weapon the killing hangs
    on names its means, whichever way the parser attaches the verb."""
    for text in ("Indiscriminate shells fired by rebel forces killed at least one civilian and injured twenty more in the town.",
                 "Mortar shells fired by the army killed two children in the village.",
                 "The rockets that killed five people were fired from the hills."):
        event = record_event(nlp, text)
        assert (event.acled_event_type, event.acled_sub_event_type) == (
            "Explosions/Remote violence", "Shelling/artillery/missile attack"), text


def test_a_killing_beside_other_nouns_keeps_its_own_means(nlp):
    event = record_event(nlp, "The families of farmers killed by soldiers gathered in the square.")
    assert event.acled_event_type != "Explosions/Remote violence"
    event = record_event(nlp, "Gunmen carrying rifles killed two farmers.")
    assert event.acled_event_type == "Violence against civilians"


def test_clearing_an_area_of_armed_men_is_a_battle(nlp):
    for text in ("Soldiers cleared two villages of rebel fighters.",
                 "The area was cleared of insurgents by the army."):
        assert record_event(nlp, text).acled_event_type == "Battles", text
    assert not happened(nlp, "Workers cleared the road of debris.")


def test_neutralising_armed_men_is_a_battle(nlp):
    assert record_event(nlp, "Soldiers neutralised three militants in the forest.").acled_event_type == "Battles"
    assert record_event(nlp, "Troops neutralized two gunmen near the border.").acled_event_type == "Battles"
    assert not happened(nlp, "The chemists neutralized the acid.")


def test_an_attempted_arrest_is_no_arrest(nlp):
    for text in ("Vigilantes tried to arrest a suspected thief but were met with resistance.",
                 "Police attempted to arrest the suspect, who escaped."):
        arrests = [e for e in find_events(nlp(text)) if e.acled_sub_event_type == "Arrests"]
        assert arrests and all(e.hypothetical for e in arrests), text
    assert record_event(nlp, "Police arrested two suspects.").acled_sub_event_type == "Arrests"


def test_an_attempted_attack_or_protest_is_coded_as_the_act(nlp):
    """ACLED codes an attempted attack as the attack; trying to hold a protest is protesting."""
    assert record_event(nlp, "Gunmen tried to attack a police post in the town.").acled_event_type == "Battles"
    assert record_event(nlp, "Students attempted to hold a protest outside the ministry.").acled_event_type == "Protests"


def test_an_attempted_arrest_of_protesters_is_still_an_intervention(nlp):
    """ACLED: a protest with intervention is one the authorities physically try to disperse or suppress."""
    found = find_events(nlp("About 20 people held a protest in the square. The police attempted to arrest one of the protesters."))
    protest = next(e for e in found if e.event_type == "PROTEST")
    assert protest.acled_sub_event_type == "Protest with intervention"
    assert not [e for e in found if e.acled_sub_event_type == "Arrests" and not e.hypothetical]


def test_a_projectile_that_hits_lands_or_falls_hosts_the_killing_it_caused(nlp):
    for text in ("A child was killed when a mortar shell hit their house.",
                 "Two women were injured when a rocket landed on their home.",
                 "Several mortar shells fell on a residential area of the city."):
        event = record_event(nlp, text)
        assert event.acled_sub_event_type == "Shelling/artillery/missile attack", text


def test_bombs_dropped_are_an_air_strike(nlp):
    for text in ("Helicopters dropped barrel bombs on the town.", "An unidentified drone dropped explosives on a police post."):
        assert record_event(nlp, text).acled_sub_event_type == "Air/drone strike", text
    assert not happened(nlp, "The prosecutor dropped the charges against the activists.")


def test_unexploded_ordnance_going_off_is_a_remote_explosive(nlp):
    for text in ("An old unexploded ordnance went off in a field, killing two children.",
                 "A piece of unexploded ordnance exploded near a school, injuring a boy."):
        assert record_event(nlp, text).acled_sub_event_type == "Remote explosive/landmine/IED", text


def test_an_explosive_that_did_not_go_off_is_a_disrupted_weapons_use(nlp):
    """ACLED Strategic developments, Disrupted weapons use: the attack's device failed; a denial is no failure."""
    for text in ("Militants lobbed a grenade at a patrol, however the grenade did not explode.",
                 "A grenade thrown at a police station failed to explode."):
        assert record_event(nlp, text).acled_sub_event_type == "Disrupted weapons use", text
    assert record_event(nlp, "Militants threw a grenade at a police station. It exploded.").acled_sub_event_type == "Grenade"
    assert not happened(nlp, "The group denied that its fighters detonated the bomb in the market.")


def test_a_planned_or_possible_act_has_not_happened(nlp):
    for text in ("Authorities banned a protest planned for Friday.",
                 "Rumours of an imminent attack caused panic in the town.",
                 "A planned rocket attack was averted by security forces.",
                 "The opposition postponed its rally to next week."):
        assert not happened(nlp, text), text


def test_a_planned_act_carried_out_by_a_light_verb_happened(nlp):
    assert record_event(nlp, "The army launched its planned offensive on the town.").acled_event_type == "Battles"
    assert record_event(nlp, "Workers staged a planned protest outside the factory.").acled_event_type == "Protests"
    assert record_event(nlp, "The army mounted its long-threatened invasion of the south.").acled_event_type == "Battles"


def test_the_weapon_of_a_means_clause_is_the_attacks(nlp):
    """'attacked a post using mortars' is a shelling, even where the parse hangs 'using' on the object;
    'using assault rifles' leaves an attack on a post a battle."""
    for text, sub in (("Militants attacked a military post using mortars.", "Shelling/artillery/missile attack"),
                      ("Separatist forces fired at army positions using grenade launchers.", "Shelling/artillery/missile attack"),
                      ("Rebels targeted the airport using drones.", "Air/drone strike")):
        assert record_event(nlp, text).acled_sub_event_type == sub, text
    assert record_event(nlp, "Gunmen attacked a police post using assault rifles.").acled_event_type == "Battles"


def test_killed_in_shelling_is_a_shelling_however_the_gerund_is_parsed(nlp):
    for text in ("Three civilians were killed in Israeli shelling on the town.",
                 "Three civilians were killed in regime shelling on the town.",
                 "Two soldiers were wounded in rebel shelling of the base."):
        assert record_event(nlp, text).acled_sub_event_type == "Shelling/artillery/missile attack", text
    assert record_event(nlp, "Soldiers killed two civilians while searching the village.").acled_event_type == "Violence against civilians"


def test_tear_gas_shells_fired_at_a_crowd_are_no_shelling(nlp):
    event = record_event(nlp, "Police fired tear gas shells at protesters in the city.")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Protests", "Protest with intervention")
    assert record_event(nlp, "Regime forces fired shells at the village.").acled_event_type == "Explosions/Remote violence"


def test_a_strike_told_in_the_passive_names_its_weapon_after_by_or_with(nlp):
    for text, sub in (("A car was hit by a drone near the town, killing two people.", "Air/drone strike"),
                      ("The village was hit by rockets fired from across the border.", "Shelling/artillery/missile attack"),
                      ("The town was pounded with rockets.", "Shelling/artillery/missile attack")):
        assert record_event(nlp, text).acled_sub_event_type == sub, text
    for text in ("The player was hit by a car.", "The economy was hit by the pandemic.",
                 "Protesters pounded the gates with their fists."):
        assert not [e for e in happened(nlp, text) if e.acled_event_type == "Explosions/Remote violence"], text


@pytest.mark.parametrize("text", [
    "On 4 May 2020, militants detonated an IED against an army patrol and then opened fire on the soldiers "
    "near Hamaro (Hamaro, Tilar). Two soldiers were killed.",
    "On 3 May 2020, militants threw a grenade at a police post in Hamaro and then exchanged fire with the "
    "policemen. Two policemen were injured.",
])
def test_explosive_that_opens_an_armed_clash_is_the_battle(engine, text):
    """ACLED: an explosion that is part of an armed clash (attackers set off an IED, then open fire)
    is a battle; the incident's one row is the clash, not the explosive."""
    event = record_row_event([e for e in coded(engine, text) if e.acled_event_type])
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize("text, sub", [
    ("IED hits army patrol near Bilto; 2 soldiers killed.", "Remote explosive/landmine/IED"),
    ("On 3 May 2020, militants threw a grenade at a police post in Hamaro and fled. Two policemen were injured.",
     "Grenade"),
    # heavy weapons fired back at the bombers are no clash on the ground
    ("On 27 April 2020, Kemet military forces fired artillery targeting suspected Zafar Front militants west of "
     "Qarun after the Zafar Front detonated an IED targeting a minesweeper, killing soldiers.", None),
])
def test_explosive_with_only_a_tally_stays_remote(engine, text, sub):
    """The tally of the dead ('2 soldiers killed') is no clash, nor is artillery fired back at the
    bombers: with no ground engagement the explosion (or the shelling) is the row."""
    event = record_row_event([e for e in coded(engine, text) if e.acled_event_type])
    assert event.acled_event_type == "Explosions/Remote violence"
    assert sub is None or event.acled_sub_event_type == sub


@pytest.mark.parametrize("text", [
    "On 8 May 2020, Hanga militia attacked a police station in Kivo with RPGs and AK-47s; 2 policemen killed.",
    "On 8 May 2020, Hanga militia attacked an army post in Kivo with mortars and assault rifles.",
])
def test_plural_small_arms_make_a_mixed_attack_a_clash(engine, text):
    """Small arms named in the plural ('AK-47s', 'assault rifles') join heavier weapons in a ground
    assault as the singular does: an armed clash (ACLED), not a shelling."""
    event = record_row_event([e for e in coded(engine, text) if e.acled_event_type])
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Armed clash")


def test_remote_violence_told_with_a_clash_is_part_of_the_battle(nlp):
    """ACLED: remote violence that occurs during an ongoing battle is recorded as part of the
    battle. A line that tells a clash makes its air strikes, IEDs and grenades the clash's row."""
    for text in ("On 3 May, clashes broke out between the army and the Zelvan Front near Kelmora. "
                 "The air force also carried out airstrikes on the group's positions.",
                 "On 3 May, Zelvan Front fighters attacked an army convoy near Kelmora with an IED and gunfire. "
                 "Three soldiers were killed in the ensuing clash."):
        event = record_row_event(happened(nlp, text))
        assert (event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Armed clash"), text


def test_remote_violence_with_no_clash_in_its_line_stays_remote(nlp):
    for text, sub in (("On 3 May, the air force carried out airstrikes on Zelvan Front positions near Kelmora.", "Air/drone strike"),
                      ("On 3 May, a roadside bomb exploded near Kelmora, killing two soldiers.", "Remote explosive/landmine/IED"),
                      ("On 3 May, the Zelvan Front fired mortars at army positions near Kelmora.", "Shelling/artillery/missile attack")):
        event = record_row_event(happened(nlp, text))
        assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", sub), text


def test_heavy_fire_told_with_a_verb_or_noun_the_lexicon_lacked_is_a_shelling(nlp):
    """'pounded positions', 'artillery strikes', 'artillery hit', 'used mortars against': the
    weapon or a military target tells ACLED's Shelling/artillery/missile attack."""
    for text in ("On 3 May, the army pounded Zelvan Front positions near Kelmora.",
                 "On 3 May, the army conducted artillery strikes on Zelvan Front positions near Kelmora.",
                 "On 3 May, Zelvan Front artillery hit Kelmora.",
                 "On 3 May, the army used artillery against Zelvan Front positions near Kelmora."):
        event = record_event(nlp, text)
        assert event.acled_sub_event_type == "Shelling/artillery/missile attack", text
    for text in ("Heavy rain pounded the town.", "The army pounded the table.", "The army used artillery as cover."):
        assert not happened(nlp, text), text


def test_an_explosion_at_a_building_or_in_a_vehicle_is_a_device(nlp):
    """An explosion told at or in a building or vehicle, with no projectile named, is a device set
    off there (ACLED Remote explosive/landmine/IED); explosions counted near a village stay a shelling."""
    for text in ("On 3 May, an explosion at a mosque in Kelmora injured a man.",
                 "On 3 May, a guard was injured in an explosion at a Zelvan place of worship in Kelmora.",
                 "On 3 May, an explosion inside a bus killed two people in Kelmora."):
        assert record_event(nlp, text).acled_sub_event_type == "Remote explosive/landmine/IED", text
    for text in ("On 3 May, the monitors recorded 14 explosions near Kelmora.",
                 "On 3 May, a shell caused an explosion at a house in Kelmora."):
        assert record_event(nlp, text).acled_sub_event_type == "Shelling/artillery/missile attack", text


def test_heavy_machine_guns_fired_at_villages_are_a_shelling(nlp):
    """ACLED counts heavy machine gun fire (12.7 mm and up) among remote violence; fired with
    sniper rifles at farms and villages, at no armed side, it is no engagement between two sides."""
    for text in ("On 3 May, Zelvan forces fired 14.5mm and 12.7mm machine guns, in addition to sniper rifles, at farms in Kelmora.",
                 "On 3 May, Zelvan forces fired heavy machine guns and sniper rifles at villages near Kelmora."):
        assert record_event(nlp, text).acled_sub_event_type == "Shelling/artillery/missile attack", text
    event = record_event(nlp, "On 3 May, Zelvan forces fired heavy machine guns and sniper rifles at army positions near Kelmora.")
    assert event.acled_sub_event_type == "Armed clash"


def test_an_attack_with_a_grenade_is_a_grenade(nlp):
    """ACLED Grenade: an attack whose means is a grenade ('attacked the post with a hand grenade',
    'a grenade exploded at the post'); grenade launchers and rocket-propelled grenades are artillery."""
    for text in ("On 3 May, Zelvan Front militants attacked a police checkpoint in Kelmora with a hand grenade.",
                 "On 3 May, a grenade exploded at a police post in Kelmora."):
        assert record_event(nlp, text).acled_sub_event_type == "Grenade", text
    for text in ("On 3 May, militants attacked a police post in Kelmora with rocket-propelled grenades.",
                 "On 3 May, militants fired grenade launchers at an army post in Kelmora."):
        assert record_event(nlp, text).acled_sub_event_type == "Shelling/artillery/missile attack", text


def test_projectiles_an_observer_saw_or_recorded_are_a_shelling(nlp):
    """A monitor's report of projectiles seen or recorded tells a remote-violence event that
    happened, its actors unknown (ACLED Shelling/artillery/missile attack), as its explosions do."""
    for text in ("On 3 May, the monitors saw 2 projectiles in flight near Kelmora.",
                 "On 3 May, the mission recorded 5 projectiles near Kelmora."):
        assert record_event(nlp, text).acled_sub_event_type == "Shelling/artillery/missile attack", text


def test_a_monitors_count_of_explosions_and_shots_is_a_shelling_unless_small_arms_are_named(nlp):
    """ACLED codes a monitor's count of explosions from unknown weapons as a shelling, shots counted
    beside them included; a count that names small arms is an exchange of fire (Armed clash)."""
    for text in ("On 3 May, the monitors observed a total of 9 explosions/shots involving unknown weapons near Kelmora.",
                 "On 3 May, the monitors observed a total of 9 shots/explosions involving unknown weapons near Kelmora."):
        assert record_event(nlp, text).acled_sub_event_type == "Shelling/artillery/missile attack", text
    for text in ("On 3 May, the monitors observed a total of 14 explosions/shots/bursts of fire involving small arms/unknown weapons near Kelmora.",
                 "On 3 May, the monitors heard a total of 4 bursts and 2 shots of small-arms fire near Kelmora."):
        assert record_event(nlp, text).acled_sub_event_type == "Armed clash", text


def test_detonations_an_observer_counted_are_a_shelling_unless_the_device_is_named(nlp):
    assert record_event(nlp, "On 3 May, the monitors observed a total of 3 detonations near Kelmora.").acled_sub_event_type == (
        "Shelling/artillery/missile attack")
    assert record_event(nlp, "On 3 May, residents heard the detonation of a landmine near Kelmora.").acled_sub_event_type == (
        "Remote explosive/landmine/IED")


def test_armed_men_or_posts_that_came_under_fire_were_attacked(nlp):
    """'came under fire': an armed side fired on (ACLED Armed clash), a shelling when the fire is
    heavy; a person criticised ('came under fire for his remarks') is no event."""
    assert record_event(nlp, "On 3 May, army positions near Kelmora came under fire.").acled_sub_event_type == "Armed clash"
    assert record_event(nlp, "On 3 May, army positions near Kelmora came under artillery fire.").acled_sub_event_type == (
        "Shelling/artillery/missile attack")
    assert not happened(nlp, "The minister came under fire for his remarks.")


def test_weapons_that_support_a_ground_attack_are_not_its_means(nlp):
    """ACLED: remote violence during a battle is part of the battle. 'with air and artillery
    support', 'backed by helicopters', 'under the cover of mortar fire' tell a ground assault."""
    for text in ("On 3 May, the army attacked Zelvan Front positions near Kelmora with air and artillery support, killing 12 fighters.",
                 "On 3 May, the army, backed by helicopters, attacked Zelvan Front positions near Kelmora, killing 12 fighters.",
                 "On 3 May, the army attacked Zelvan Front positions near Kelmora under the cover of mortar fire."):
        assert record_event(nlp, text).acled_sub_event_type == "Armed clash", text
    assert record_event(nlp, "On 3 May, the army attacked Zelvan Front positions near Kelmora with mortars.").acled_sub_event_type == (
        "Shelling/artillery/missile attack")


def test_a_strike_told_during_a_clash_is_the_battle(engine):
    """ACLED: an air/drone strike during a battle is part of the battle (Armed clash). 'during
    clashes with', 'amid heavy fighting' on the strike's own clause say so; 'during the night' or
    'during prayers' say only when, and the strike stays remote violence."""
    import datetime as dt

    from strife.model import Article

    def sub_type(text):
        events = engine.code(Article(id="t", text=text, published=dt.date(2020, 5, 9))).events
        row = record_row_event([e for e in events if not (e.negated or e.hypothetical)])
        return row and row.acled_sub_event_type

    for text in ("On 3 May 2020, drones struck Zelvan Front fighters near Kelmora during clashes with government forces, killing 7.",
                 "On 3 May 2020, warplanes bombed rebel positions near Kelmora amid heavy fighting between the army and the rebels."):
        assert sub_type(text) == "Armed clash", text
    for text in ("On 3 May 2020, drones struck a Zelvan Front camp near Kelmora during the night, killing 4 fighters.",
                 "On 3 May 2020, an air strike hit a market near Kelmora during Friday prayers, killing 4 civilians."):
        assert sub_type(text) == "Air/drone strike", text
