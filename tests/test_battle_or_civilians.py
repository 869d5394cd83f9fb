"""ACLED's line between Battles and Violence against civilians (made-up text): killing a member of
an armed group is a battle, even when the text names no attacker; violence against unarmed people
is violence against civilians."""

from __future__ import annotations

import pytest

# The whole pipeline on a note of 9 May 2020, and the event of a trigger: shared with test_events.
from tests.test_events import by_trigger, coded


@pytest.mark.parametrize("text, trigger, acled", [
    ("A soldier was found killed near the checkpoint on Friday.", "killed", "Battles"),
    ("A member of the government's state security was found killed on the road to the town.", "killed", "Battles"),
    ("A farmer was found killed near his field on Friday.", "killed", "Violence against civilians"),
])
def test_passive_complement_tells_who_was_hit(engine, text, trigger, acled):
    """'X was found killed': X is the one killed, so X's side decides the ACLED type."""
    event = by_trigger(coded(engine, text), trigger)
    assert event.acled_event_type == acled
    assert event.target


@pytest.mark.parametrize("text, acled", [
    ("Gunmen killed a member of the security forces in the town.", "Battles"),
    ("Gunmen killed a government official in the town.", "Violence against civilians"),
])
def test_member_of_the_state_forces_is_armed(engine, text, acled):
    """A member of the state's security forces is a combatant; a government official is not."""
    event = by_trigger(coded(engine, text), "killed")
    assert event.acled_event_type == acled


@pytest.mark.parametrize("text", [
    "Police assaulted a family in the Rampur police area for breaking the curfew.",
    "Soldiers beat a shopkeeper near the army camp road on Sunday.",
])
def test_actors_inside_a_modifier_do_not_arm_the_target(engine, text):
    """The head word's actor ('a family') decides the target's side, not a force named only in a
    place's name: the police beating a family is violence against civilians, not a battle."""
    event = next(e for e in coded(engine, text) if e.acled_event_type)
    assert event.acled_event_type == "Violence against civilians"


def test_killing_told_with_an_abduction_makes_the_attack(engine):
    """'A police commander was killed and his guard taken hostage following an attack': the
    killing belongs to the attack the abduction covers, and ACLED codes the gravest act; an armed
    target makes it a battle."""
    found = coded(engine, "A police commander was killed and his guard was taken as a hostage "
                          "following an attack by militants in the district.")
    event = next(e for e in found if e.acled_event_type)
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Armed clash")


def test_abduction_alone_stays_an_abduction(engine):
    event = by_trigger(coded(engine, "Gunmen abducted two farmers in the village on Monday."), "abducted")
    assert event.acled_sub_event_type == "Abduction/forced disappearance"


@pytest.mark.parametrize("text, acled", [
    ("Two killed and at least 30 wounded in clashes between rival supporters after the contested vote.", "Riots"),
    ("Security forces engaged in a firefight with three militants. All three were killed.", "Battles"),
])
def test_casualties_of_a_clash_take_the_clash_type(engine, text, acled):
    """A toll with no attacker of its own, told in a line with a clash, is that clash's row: mob
    violence when the clash is a riot, a battle when armed groups fight."""
    event = by_trigger(coded(engine, text), "killed")
    assert event.acled_event_type == acled


def test_looting_told_with_an_attack_is_part_of_it(engine):
    """'An armed militia attacked and looted the party office': ACLED codes the attack, not a
    looting row of its own (kept for destruction with no violence against people)."""
    found = coded(engine, "An armed militia attacked and looted the party office in the town on Friday.")
    assert by_trigger(found, "attacked").acled_event_type == "Violence against civilians"
    assert by_trigger(found, "looted").acled_event_type is None


def test_looting_alone_keeps_its_row(engine):
    found = coded(engine, "Unknown people looted a warehouse in the town on Friday.")
    assert by_trigger(found, "looted").acled_sub_event_type == "Looting/property destruction"


def test_attack_repelled_by_forces_is_a_battle(engine):
    """'Militants attacked the village ... before being repelled by soldiers': the attacked side
    fought back, so ACLED codes an armed clash."""
    found = coded(engine, "Militants attacked a village near the river on Monday. They set fire to several huts "
                          "before being repelled by soldiers.")
    violent = [e for e in found if e.acled_event_type in ("Battles", "Violence against civilians")]
    assert violent and {e.acled_event_type for e in violent} == {"Battles"}  # the attack and the huts: one clash
    assert any(a.name == "soldiers" for e in violent for a in e.target)  # who repelled them was attacked


@pytest.mark.parametrize("text", [
    ("Government forces fired 82mm mortars at the positions of the rebels near a village. "
     "Observers recorded 18 explosions in both directions of the front line."),
    "Troops of one country fired mortar shells at 12 border posts of the other, prompting its army to retaliate.",
])
def test_shelling_answered_in_kind_is_an_armed_clash(engine, text):
    """Heavy fire told as two-way ('in both directions', 'prompting the army to retaliate') is an
    exchange between two armed sides: an armed clash (ACLED Battles), not a one-sided shelling."""
    event = by_trigger(coded(engine, text), "fired")
    assert (event.event_type, event.acled_event_type, event.acled_sub_event_type) == ("FIGHT", "Battles", "Armed clash")


@pytest.mark.parametrize("text, trigger, sub_event", [
    ("The army shelled rebel positions near a village, killing four fighters.", "shelled",
     "Shelling/artillery/missile attack"),
    ("Protesters blocked the highway in both directions on Monday.", "blocked", "Peaceful protest"),
])
def test_one_way_shelling_and_a_road_blocked_both_ways_keep_their_type(engine, text, trigger, sub_event):
    """Shelling no one answers stays remote violence; 'in both directions' of a blocked road tells no fire."""
    assert by_trigger(coded(engine, text), trigger).acled_sub_event_type == sub_event


def test_forces_fired_on_by_the_one_they_killed_is_a_battle(engine):
    """'A youth was killed by the police ... he shot at the officers': the forces were fired on in
    the same line, so the killing is one side of an armed clash (ACLED Battles)."""
    found = coded(engine, "A 19-year-old youth was killed by the police in a suburb on Monday. According to the "
                          "police, he fled when approached and then shot at the officers.")
    assert by_trigger(found, "killed").acled_event_type == "Battles"


def test_forces_killing_with_no_fire_against_them_stays_an_attack(engine):
    """Without the forces being fired on, their killing of a man is violence against civilians."""
    found = coded(engine, "A 19-year-old youth was killed by the police in a suburb on Monday. His family said he "
                          "was playing football.")
    assert by_trigger(found, "killed").acled_event_type == "Violence against civilians"


@pytest.mark.parametrize("text, acled", [
    ("A drug trafficker was found dead in a neighbourhood of the city on Sunday.", "Battles"),
    ("Drug traffickers beat a woman with a piece of wood in the street.", "Violence against civilians"),
])
def test_drug_traffickers_are_an_armed_gang(engine, text, acled):
    """ACLED codes organised drug-trafficking gangs as armed groups: killing a trafficker is a
    battle between gangs, and traffickers beating a passer-by are an armed group attacking a civilian."""
    found = coded(engine, text)
    event = next(e for e in found if e.acled_event_type)
    assert event.acled_event_type == acled


def test_police_clashing_with_activists_is_no_battle(engine):
    """'anti-X activists' hold a view, not arms: police clashing with them is disorder, not a battle."""
    event = by_trigger(coded(engine, "Police clashed with anti-eviction activists in the slum on Monday."), "clashed")
    assert event.acled_event_type in ("Riots", "Protests")


@pytest.mark.parametrize("text, trigger, acled", [
    (("On Monday around 300, including some soldiers, clashed with each other and pelted stones in a village "
      "over a path. Six injured."), "clashed", "Riots"),
    ("Soldiers clashed with militants near the town. Residents later threw stones at the militants' vehicles.",
     "clashed", "Battles"),
])
def test_a_clash_of_stone_throwers_is_a_riot(engine, text, trigger, acled):
    """A clash that names no armed side, in a line whose violence is a crowd's (stones pelted), is
    that riot; a clash between armed sides stays a battle whatever a crowd does beside it."""
    assert by_trigger(coded(engine, text), trigger).acled_event_type == acled


@pytest.mark.parametrize("text", [
    "Militants attacked a checkpoint manned by soldiers near the town on Monday.",
    "Gunmen attacked a military post in the village on Monday.",
])
def test_a_place_held_by_forces_is_an_armed_target(engine, text):
    """An attack on a post of an armed force ('a military post', 'a checkpoint manned by soldiers')
    is a battle (ACLED: an attack on a military position), not violence against civilians."""
    assert by_trigger(coded(engine, text), "attacked").acled_event_type == "Battles"


@pytest.mark.parametrize("text", [
    "On 6 May 2020, police raided a hideout of kidnappers in the forest near Kalumbo village and killed three of them.",
    "Navy commandos stormed a boat held by pirates off Tarvia Point on Monday.",
])
def test_raid_on_kidnappers_or_pirates_meets_an_armed_group(engine, text):
    """Kidnappers and pirates hold their captives by arms; ACLED codes them as armed groups, so a
    raid on their hideout meets the group: a battle, not violence against civilians."""
    found = [e for e in coded(engine, text) if e.acled_event_type]
    assert found and all(e.acled_event_type == "Battles" for e in found)


def test_kidnappers_abducting_a_farmer_stay_one_sided(engine):
    event = next(e for e in coded(engine, "Kidnappers abducted a farmer from his home in Lopon village.") if e.acled_event_type)
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Violence against civilians", "Abduction/forced disappearance")


@pytest.mark.parametrize("text, acled", [
    ("On 7 May 2020, gunmen killed 3 members of the village's self-defence committee in Kivo.", "Battles"),
    ("On 7 May 2020, gunmen killed 3 members of a farmers' cooperative in Kivo.", "Violence against civilians"),
    ("On 7 May 2020, gunmen killed a man who had spoken about self-defence at a meeting in Kivo.",
     "Violence against civilians"),
])
def test_self_defence_group_is_an_armed_side(engine, text, acled):
    """A group named as organised for armed defence ('self-defence committee') is what ACLED codes as
    a communal militia: killing its members is a battle; a cooperative's members are civilians, and
    the word outside a group's name arms no one."""
    event = by_trigger(coded(engine, text), "killed")
    assert event.acled_event_type == acled


@pytest.mark.parametrize("text, acled", [
    ("A man was killed by gunmen in Sumbrel. The victim was a member of a local gang.", "Battles"),
    ("A man was shot dead by gunmen in Sumbrel. He was a drug trafficker.", "Battles"),
    ("Gunmen shot dead two men in Sumbrel. The men were members of a criminal gang.", "Battles"),
    ("A man was killed by gunmen in Sumbrel. The victim was a teacher.", "Violence against civilians"),
    ("A man was killed by a gunman in Sumbrel. He was a member of a local gang.", "Violence against civilians"),
    ("A man was killed by gunmen in Sumbrel. The attackers were members of a local gang.", "Violence against civilians"),
])
def test_a_victim_told_afterwards_as_an_armed_member(engine, text, acled):
    """'The victim was a member of a local gang': a victim the next sentence tells is of an armed
    group was of an armed side, and ACLED codes his killing as a battle; a sentence about the
    attackers, or a 'he' that may be the lone gunman, tells nothing of the victim."""
    event = next(e for e in coded(engine, text) if e.acled_event_type)
    assert event.acled_event_type == acled


@pytest.mark.parametrize("text, acled", [
    ("Herders armed with guns attacked farmers in Tugoro village, killing 4.", "Violence against civilians"),
    ("Herders armed with AK-47 rifles attacked farmers in Tugoro village, killing 4.", "Violence against civilians"),
    ("Herders attacked farmers in Tugoro village, killing 4.", "Riots"),
    ("Youths armed with guns attacked a police patrol in Kolvara.", "Battles"),
    ("Youths armed with stones attacked a police patrol in Kolvara.", "Riots"),
    ("Villagers armed with guns clashed with herders armed with guns in Tugoro village, killing 2.", "Battles"),
])
def test_armed_with_firearms_after_the_noun(engine, text, acled):
    """'herders armed with guns' are 'armed herders', an identity militia (ACLED): an organised armed
    side; a crowd 'armed with stones' stays a crowd, and its violence is rioting."""
    event = next(e for e in coded(engine, text) if e.acled_event_type)
    assert event.acled_event_type == acled
